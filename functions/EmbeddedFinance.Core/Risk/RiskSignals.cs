namespace EmbeddedFinance.Core.Risk;

/// <summary>What is known about a payment when it is screened, already counted (this attempt included).</summary>
public sealed record RiskSignals(
    DateTimeOffset Now,
    long Amount,
    Activity Card,
    Activity? Address,
    AmountStatistic MerchantAmounts,
    string CardCountry,
    string? ClientCountry,
    RiskLevel? SandboxLevel);
