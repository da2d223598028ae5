namespace EmbeddedFinance.Core.Risk;

/// <summary>How risky a payment looks, from its score: normal below 65, elevated from 65, highest from 75 (Radar's bands).</summary>
public enum RiskLevel
{
    Normal,
    Elevated,
    Highest,
}

public static class RiskLevels
{
    public const int ElevatedFrom = 65;
    public const int HighestFrom = 75;

    public static RiskLevel OfScore(int score) => score >= HighestFrom ? RiskLevel.Highest : score >= ElevatedFrom ? RiskLevel.Elevated : RiskLevel.Normal;

    public static string ApiName(this RiskLevel level) => level switch
    {
        RiskLevel.Normal => "normal",
        RiskLevel.Elevated => "elevated",
        RiskLevel.Highest => "highest",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static RiskLevel Parse(string name) => name switch
    {
        "normal" => RiskLevel.Normal,
        "elevated" => RiskLevel.Elevated,
        "highest" => RiskLevel.Highest,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
