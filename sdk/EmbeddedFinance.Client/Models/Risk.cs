namespace EmbeddedFinance.Client;

/// <summary>
/// A merchant's risk rules (per mode), as <c>GET /v1/risk/rules</c> answers and <c>PUT /v1/risk/rules</c> replaces them.
/// Each rule that fires adds to a payment's score; its action and the level's decide: <c>allow</c>, <c>review</c> (held in
/// <c>requires_review</c>) or <c>block</c> (<c>402 payment_blocked</c>). See <see cref="RiskActions"/>.
/// </summary>
public sealed record RiskRules
{
    /// <summary>Payment attempts on one card within the window.</summary>
    public required VelocityRule CardVelocity { get; init; }
    /// <summary>Payment attempts from one client address within the window.</summary>
    public required VelocityRule AddressVelocity { get; init; }
    /// <summary>Declines on one card within the window, before this attempt.</summary>
    public required VelocityRule DeclineBurst { get; init; }
    /// <summary>An amount far above the merchant's rolling mean in its currency.</summary>
    public required AmountOutlierRule AmountOutlier { get; init; }
    /// <summary>The card's issuing country differs from the client's.</summary>
    public required CountryMismatchRule CountryMismatch { get; init; }
    /// <summary>What an <c>elevated</c> score (65–74) does.</summary>
    public required string ElevatedAction { get; init; }
    /// <summary>What a <c>highest</c> score (75–99) does.</summary>
    public required string HighestAction { get; init; }
}

/// <summary>A count of attempts within a window.</summary>
public sealed record VelocityRule
{
    /// <summary>How many attempts the window allows.</summary>
    public required int Limit { get; init; }
    /// <summary>The window, in seconds.</summary>
    public required int WindowSeconds { get; init; }
    /// <summary>What firing does (<see cref="RiskActions"/>).</summary>
    public required string Action { get; init; }
}

/// <summary>An amount more than <see cref="Deviations"/> standard deviations above the merchant's mean.</summary>
public sealed record AmountOutlierRule
{
    /// <summary>Standard deviations above the mean.</summary>
    public required int Deviations { get; init; }
    /// <summary>Authorized payments in the currency before the rule applies.</summary>
    public required int MinPayments { get; init; }
    /// <summary>What firing does (<see cref="RiskActions"/>).</summary>
    public required string Action { get; init; }
}

/// <summary>The card's issuing country differs from the client's.</summary>
public sealed record CountryMismatchRule
{
    /// <summary>What firing does (<see cref="RiskActions"/>).</summary>
    public required string Action { get; init; }
}

/// <summary>The body of <c>PUT /v1/risk/rules</c>: the whole document; a rule left out takes its default, not its current value.</summary>
public sealed record ReplaceRiskRulesRequest
{
    /// <summary>Payment attempts on one card within the window.</summary>
    public VelocityRule? CardVelocity { get; init; }
    /// <summary>Payment attempts from one client address within the window.</summary>
    public VelocityRule? AddressVelocity { get; init; }
    /// <summary>Declines on one card within the window.</summary>
    public VelocityRule? DeclineBurst { get; init; }
    /// <summary>An amount far above the merchant's rolling mean.</summary>
    public AmountOutlierRule? AmountOutlier { get; init; }
    /// <summary>The card's issuing country differs from the client's.</summary>
    public CountryMismatchRule? CountryMismatch { get; init; }
    /// <summary>What an <c>elevated</c> score does (default <c>review</c>).</summary>
    public string? ElevatedAction { get; init; }
    /// <summary>What a <c>highest</c> score does (default <c>block</c>).</summary>
    public string? HighestAction { get; init; }

    /// <summary>A request that stores <paramref name="rules"/> as they are: read, change with <c>with</c>, replace.</summary>
    public static ReplaceRiskRulesRequest From(RiskRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new()
        {
            CardVelocity = rules.CardVelocity, AddressVelocity = rules.AddressVelocity, DeclineBurst = rules.DeclineBurst,
            AmountOutlier = rules.AmountOutlier, CountryMismatch = rules.CountryMismatch,
            ElevatedAction = rules.ElevatedAction, HighestAction = rules.HighestAction,
        };
    }
}

/// <summary>What a risk rule or level does to a payment.</summary>
public static class RiskActions
{
    /// <summary>The payment goes on (the rule only adds to the score).</summary>
    public const string Allow = "allow";
    /// <summary>An authorized payment is held in <c>requires_review</c> until approved or rejected.</summary>
    public const string Review = "review";
    /// <summary>The payment is refused with <c>402 payment_blocked</c> before the acquirer.</summary>
    public const string Block = "block";
}
