namespace EmbeddedFinance.Core.Ledger;

/// <summary>
/// Settlement's own postings: what a capture or refund moved into <c>…:pending</c> moves on to
/// <c>…:available</c> (a refund's negative pending amounts move back the other way). Balanced by construction.
/// </summary>
public static class ReleasePostings
{
    private const string PendingSuffix = ":pending";

    public static IReadOnlyList<Posting> For(IEnumerable<Posting> applied) => applied
        .Where(posting => posting.Account.EndsWith(PendingSuffix, StringComparison.Ordinal) && posting.Amount != 0)
        .SelectMany(posting =>
        {
            var owner = posting.Account[..^PendingSuffix.Length];
            return new[] { new Posting(posting.Account, -posting.Amount), new Posting(LedgerAccounts.Available(owner), posting.Amount) };
        })
        .ToList();
}
