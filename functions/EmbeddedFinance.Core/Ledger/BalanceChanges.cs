namespace EmbeddedFinance.Core.Ledger;

/// <summary>What applying ledger transactions does to the balances: one change per balance, however many postings touch it.</summary>
public static class BalanceChanges
{
    public static IReadOnlyList<(BalanceKey Key, long Delta)> Of(IEnumerable<LedgerTransaction> applied) => applied
        .SelectMany(transaction => transaction.Postings.Select(posting => (Key: new BalanceKey(posting.Account, transaction.Currency), posting.Amount)))
        .GroupBy(line => line.Key)
        .Select(group => (group.Key, Delta: group.Sum(line => line.Amount)))
        .Where(change => change.Delta != 0)
        .ToList();

    /// <summary>The balances after the changes, each keeping the version it was read at (the write is guarded by it).</summary>
    public static IReadOnlyList<Balance> Apply(IEnumerable<(BalanceKey Key, long Delta)> changes, IReadOnlyDictionary<BalanceKey, Balance> current) =>
        changes.Select(change => current[change.Key] with { Amount = current[change.Key].Amount + change.Delta }).ToList();
}
