namespace EmbeddedFinance.Core.Risk;

/// <summary>The names of <c>risk.rules</c>, each also a member of the rules document.</summary>
public static class RiskRuleNames
{
    public const string CardVelocity = "card_velocity";
    public const string AddressVelocity = "address_velocity";
    public const string DeclineBurst = "decline_burst";
    public const string AmountOutlier = "amount_outlier";
    public const string CountryMismatch = "country_mismatch";

    /// <summary>A sandbox card of API.md forced the level (4000 0000 0000 4954 highest, …9235 elevated).</summary>
    public const string SandboxCard = "sandbox_card";
}
