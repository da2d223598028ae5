using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>A payout change with its ledger transaction applied to the balances, committed as one batch.</summary>
public sealed record PayoutChange(
    Payout Payout,
    LedgerTransaction? Ledger,
    IReadOnlyList<Balance> Balances,
    PlatformEvent? Event,
    IdempotencyCompletion? Completion);

public interface IPayoutStore
{
    /// <summary>
    /// Writes a new payout; an automatic one (with a <see cref="Payout.Period"/>) with a marker of its period, which
    /// makes a second payout of the same account and period fail as a conflict.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">A balance changed since it was read, or the period was paid: nothing was written.</exception>
    Task CreateAsync(PayoutChange change, CancellationToken cancellationToken);

    /// <exception cref="ConcurrencyConflictException">The payout or a balance changed since it was read: nothing was written.</exception>
    Task UpdateAsync(PayoutChange change, CancellationToken cancellationToken);

    Task<Payout?> GetAsync(string scope, string payoutId, CancellationToken cancellationToken);

    /// <summary>The id of the automatic payout that paid the account's <paramref name="period"/>, or null.</summary>
    Task<string?> PaidForPeriodAsync(string scope, string account, string period, CancellationToken cancellationToken);

    Task<Page<Payout>> ListAsync(string scope, PageRequest page, string? account, CancellationToken cancellationToken);
}
