namespace EmbeddedFinance.Core.Settlement;

/// <summary>The <c>payment.settled</c> event's object: which captured funds became available, by which ledger transaction.</summary>
public sealed record Settled(string Object, string Payment, string LedgerTransaction, string Currency, long Amount, long Created);
