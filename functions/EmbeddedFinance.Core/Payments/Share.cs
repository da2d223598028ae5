namespace EmbeddedFinance.Core.Payments;

/// <summary>What one party of a payment — the fee account, the merchant, or a split account (<c>acct_…</c>) — holds or gave back of it, in minor units.</summary>
public sealed record Share(string Party, long Amount);
