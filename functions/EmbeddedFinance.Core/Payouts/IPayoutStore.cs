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
    /// <exception cref="ConcurrencyConflictException">A balance changed since it was read: nothing was written.</exception>
    Task CreateAsync(PayoutChange change, CancellationToken cancellationToken);

    /// <exception cref="ConcurrencyConflictException">The payout or a balance changed since it was read: nothing was written.</exception>
    Task UpdateAsync(PayoutChange change, CancellationToken cancellationToken);

    Task<Payout?> GetAsync(string scope, string payoutId, CancellationToken cancellationToken);

    Task<Page<Payout>> ListAsync(string scope, PageRequest page, string? account, CancellationToken cancellationToken);
}
