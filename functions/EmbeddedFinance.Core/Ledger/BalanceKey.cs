using EmbeddedFinance.Core.Amounts;


namespace EmbeddedFinance.Core.Ledger;

/// <summary>One balance of the ledger: an account (<c>fee</c>, <c>clearing</c>, <c>acct_…:pending</c>…) in one currency.</summary>
public sealed record BalanceKey(string Account, Currency Currency);
