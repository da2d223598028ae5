namespace EmbeddedFinance.Core.Risk;

/// <summary>A payment's risk as screened before the acquirer: its score (0–99), level and the rules that fired.</summary>
public sealed record RiskAssessment(int Score, RiskLevel Level, IReadOnlyList<string> Rules)
{
    /// <summary>What the merchant's rules make of it; not stored, the payment's status says it.</summary>
    public RiskAction Outcome { get; init; }
}
