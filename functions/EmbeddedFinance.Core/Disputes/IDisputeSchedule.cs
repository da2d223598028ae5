namespace EmbeddedFinance.Core.Disputes;

/// <summary>What is due when <see cref="DueAt"/> passes: open a dispute on a payment, decide one under review, or close one whose evidence is overdue.</summary>
public sealed record DisputeWork(DisputeWorkKind Kind, string Scope, string ObjectId, DateTimeOffset DueAt);

public enum DisputeWorkKind
{
    /// <summary>Open the dispute of a payment (<see cref="DisputeWork.ObjectId"/> is <c>pay_…</c>).</summary>
    Open,

    /// <summary>Decide a dispute under review (<see cref="DisputeWork.ObjectId"/> is <c>dp_…</c>).</summary>
    Decide,

    /// <summary>Close as lost a dispute whose <c>evidence_due_by</c> passed without a submission (<see cref="DisputeWork.ObjectId"/> is <c>dp_…</c>).</summary>
    Expire,
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
