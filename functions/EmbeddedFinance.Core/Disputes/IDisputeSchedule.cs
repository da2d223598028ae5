namespace EmbeddedFinance.Core.Disputes;

/// <summary>What the sandbox does when <see cref="DueAt"/> passes: open a dispute on a payment, or decide one under review.</summary>
public sealed record DisputeWork(DisputeWorkKind Kind, string Scope, string ObjectId, DateTimeOffset DueAt);

public enum DisputeWorkKind
{
    /// <summary>Open the dispute of a payment (<see cref="DisputeWork.ObjectId"/> is <c>pay_…</c>).</summary>
    Open,

    /// <summary>Decide a dispute under review (<see cref="DisputeWork.ObjectId"/> is <c>dp_…</c>).</summary>
    Decide,
}

/// <summary>
/// When the sandbox's dispute work falls due: an index of due times, so its timer reads what is due, never every
/// payment. Written before the change that causes it (an entry whose change never committed is dropped when due).
/// </summary>
public interface IDisputeSchedule
{
    Task ScheduleAsync(DisputeWork work, CancellationToken cancellationToken);

    /// <summary>Work due at <paramref name="now"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DisputeWork>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task RemoveAsync(DisputeWork work, CancellationToken cancellationToken);
}
