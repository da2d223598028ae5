using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Ledger;

public interface ILedgerReader
{
    /// <summary>
    /// The current balances of these keys, each with the version it was read at (a write is guarded by it); a key
    /// without a row yet is a zero balance that the write must create.
    /// </summary>
    Task<IReadOnlyDictionary<BalanceKey, Balance>> BalancesOfAsync(string scope, IEnumerable<BalanceKey> keys, CancellationToken cancellationToken);

    /// <summary>Every balance row of the scope whose account starts with <paramref name="accountPrefix"/> (all when null).</summary>
    Task<IReadOnlyList<Balance>> BalancesAsync(string scope, string? accountPrefix, CancellationToken cancellationToken);

    /// <summary>A page of the scope's transactions, oldest first; with <paramref name="owner"/>, only those touching its accounts.</summary>
    Task<Page<LedgerTransaction>> TransactionsAsync(string scope, PageRequest page, string? owner, CancellationToken cancellationToken);

    /// <summary>A page of the transactions one payment, refund, payout or dispute caused, oldest first (read through an index, ADR 023).</summary>
    Task<Page<LedgerTransaction>> TransactionsOfAsync(string scope, string reference, PageRequest page, CancellationToken cancellationToken);
}
