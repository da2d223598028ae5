namespace EmbeddedFinance.Core.Ledger;

/// <summary>An available balance below zero since <see cref="Since"/>.</summary>
public sealed record NegativeBalance(string Scope, string Account, string Currency, long Amount, DateTimeOffset Since);

/// <summary>
/// The balances below zero, by when they crossed: an index row written when settlement takes a balance below zero and
/// removed when it recovers, so that reconciliation finds the long-negative ones without reading every balance.
/// </summary>
public interface INegativeBalanceIndex
{
    /// <summary>
    /// Balances that went below zero before <paramref name="crossedBefore"/> and are still below zero since then, oldest
    /// first, at most <paramref name="max"/>, each checked against the balance itself; index rows that no longer hold
    /// (the balance recovered, or crossed again later) are removed on the way.
    /// </summary>
    Task<IReadOnlyList<NegativeBalance>> NegativeSinceBeforeAsync(DateTimeOffset crossedBefore, int max, CancellationToken cancellationToken);
}
