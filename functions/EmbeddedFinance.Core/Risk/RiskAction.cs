namespace EmbeddedFinance.Core.Risk;

/// <summary>What a rule or a level does to a payment, least to most severe: the most severe one that applies wins.</summary>
public enum RiskAction
{
    /// <summary>The rule adds to the score and is named in <c>risk.rules</c>; the payment goes on.</summary>
    Allow,

    /// <summary>An authorized payment waits in <c>requires_review</c> for approve or reject; nothing is captured before.</summary>
    Review,

    /// <summary>402 <c>payment_blocked</c>: a failed payment, and the card never reaches the acquirer.</summary>
    Block,
}

public static class RiskActions
{
    public static readonly IReadOnlyList<string> Names = ["allow", "review", "block"];

    public static string ApiName(this RiskAction action) => Names[(int)action];

    public static bool TryParse(string? name, out RiskAction action)
    {
        var index = name is null ? -1 : Names.ToList().IndexOf(name);
        action = index < 0 ? RiskAction.Allow : (RiskAction)index;
        return index >= 0;
    }
}
