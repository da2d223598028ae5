namespace EmbeddedFinance.Core.Payments;

/// <summary>The part of a payment that goes to one connected account.</summary>
public sealed record Split(string Account, long Amount);
