namespace EmbeddedFinance.Core.Payouts;

/// <summary>An account whose scheduled payout falls due at <see cref="DueAt"/>.</summary>
public sealed record ScheduledPayoutDue(string Scope, string Account, DateTimeOffset DueAt);

/// <summary>
/// The index of accounts with an automatic payout to make, by due time, so the schedule timer reads what is due and
/// never every account (invariant 10). One row per account and due time: written before the state that needs it (an
/// account created or rescheduled), so a crash leaves at most a row the timer finds stale and drops.
/// </summary>
public interface IPayoutDueIndex
{
    Task PutAsync(ScheduledPayoutDue due, CancellationToken cancellationToken);

    /// <summary>Rows due at <paramref name="now"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ScheduledPayoutDue>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes the row; one already gone is no error.</summary>
    Task RemoveAsync(ScheduledPayoutDue due, CancellationToken cancellationToken);
}
