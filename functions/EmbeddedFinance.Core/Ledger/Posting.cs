namespace EmbeddedFinance.Core.Ledger;

/// <summary>One line of a ledger transaction: a credit (positive) or a debit (negative) to an account, in minor units.</summary>
public sealed record Posting(string Account, long Amount);
