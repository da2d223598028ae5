namespace EmbeddedFinance.Core.Payouts;

/// <summary>A payout to look at again once <see cref="DueAt"/> passes, unless it has finished by then.</summary>
public sealed record PayoutCheck(string Scope, string PayoutId, DateTimeOffset DueAt, int Checks)
{
    /// <summary>The first look at a new payout, once it has had <paramref name="stuckAfter"/> to finish.</summary>
    public static PayoutCheck First(Payout payout, TimeSpan stuckAfter) => new(payout.Scope, payout.Id, payout.Created + stuckAfter, 0);
}

/// <summary>
/// When to look at open payouts again: an index of due times, so the redrive timer reads what is due, never every
/// payout. Written before the payout itself (an entry for a payout that never committed is dropped when due).
/// </summary>
public interface IPayoutChecks
{
    Task ScheduleAsync(PayoutCheck check, CancellationToken cancellationToken);

    /// <summary>Checks due at <paramref name="now"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PayoutCheck>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task RemoveAsync(PayoutCheck check, CancellationToken cancellationToken);
}
