namespace EmbeddedFinance.Core.Ledger;

/// <summary>An available balance crossing zero in one write: below it (<see cref="Negative"/>) or back to zero or more.</summary>
public sealed record BalanceCrossing(BalanceKey Key, long Amount, bool Negative)
{
    /// <summary>The account whose available balance this is (<c>acct_…</c>, or <c>merchant</c>).</summary>
    public string Owner => Key.Account[..^NegativeBalances.AvailableSuffix.Length];
}

/// <summary>
/// Where a write takes available balances across zero. A refund or a dispute may take an account below zero (it was
/// paid out before); settlement then nets new earnings against the debt before anything becomes available again,
/// because available is a running sum. Payouts never cross: they are refused while available is short.
/// </summary>
public static class NegativeBalances
{
    public const string AvailableSuffix = ":available";

    public static bool IsAvailable(BalanceKey key) => key.Account.EndsWith(AvailableSuffix, StringComparison.Ordinal);

    /// <summary>The available balances of <paramref name="after"/> that crossed zero from what they were <paramref name="before"/>.</summary>
    public static IReadOnlyList<BalanceCrossing> Crossings(IReadOnlyDictionary<BalanceKey, Balance> before, IEnumerable<Balance> after) => after
        .Where(balance => IsAvailable(balance.Key) && before[balance.Key].Amount >= 0 != balance.Amount >= 0)
        .Select(balance => new BalanceCrossing(balance.Key, balance.Amount, balance.Amount < 0))
        .ToList();

    /// <summary>How many available balances these transactions take money from: each may cross below zero.</summary>
    public static int MayCross(IEnumerable<LedgerTransaction> applied) => applied
        .SelectMany(transaction => transaction.Postings.Where(posting => posting.Amount < 0).Select(posting => new BalanceKey(posting.Account, transaction.Currency)))
        .Where(IsAvailable)
        .Distinct()
        .Count();
}
