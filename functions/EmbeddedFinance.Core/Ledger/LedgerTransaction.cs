using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Ledger;

/// <summary>An immutable, balanced set of postings in one currency (invariant 1: they sum to zero).</summary>
public sealed record LedgerTransaction
{
    private LedgerTransaction(string id, string scope, Currency currency, string type, string reference, IReadOnlyList<Posting> postings, DateTimeOffset created)
    {
        Id = id;
        Scope = scope;
        Currency = currency;
        Type = type;
        Reference = reference;
        Postings = postings;
        Created = created;
    }

    public string Id { get; }
    public string Scope { get; }
    public Currency Currency { get; }
    public string Type { get; }

    /// <summary>The object that caused it (a payment, refund or payout id).</summary>
    public string Reference { get; }

    public IReadOnlyList<Posting> Postings { get; }
    public DateTimeOffset Created { get; }

    /// <exception cref="InvalidOperationException">The postings do not balance: a bug, never a user error.</exception>
    public static LedgerTransaction Create(string scope, Currency currency, string type, string reference, IEnumerable<Posting> postings, TimeProvider clock)
    {
        var lines = postings.Where(posting => posting.Amount != 0).ToList();
        if (lines.Sum(posting => posting.Amount) != 0) throw new InvalidOperationException($"Ledger transaction for {reference} does not balance.");
        if (lines.Count == 0) throw new InvalidOperationException($"Ledger transaction for {reference} moves nothing.");
        return new LedgerTransaction(PrefixedId.New("ltx", clock), scope, currency, type, reference, lines, clock.GetUtcNow());
    }

    public static LedgerTransaction Restore(string id, string scope, Currency currency, string type, string reference, IReadOnlyList<Posting> postings, DateTimeOffset created) =>
        new(id, scope, currency, type, reference, postings, created);
}
