namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// The rules over the signals: each rule that fires adds its weight to a base score and may ask for review or a block;
/// the score's level may too. The most severe action wins. Pure, so every rule is unit-tested on its own.
/// </summary>
public static class RiskEvaluation
{
    public const int BaseScore = 5;
    public const int MaxScore = 99;

    private static readonly Dictionary<string, int> Weights = new(StringComparer.Ordinal)
    {
        [RiskRuleNames.CardVelocity] = 65,
        [RiskRuleNames.AddressVelocity] = 60,
        [RiskRuleNames.DeclineBurst] = 75,
        [RiskRuleNames.AmountOutlier] = 35,
        [RiskRuleNames.CountryMismatch] = 25,
    };

    public static RiskAssessment Assess(RiskRules rules, RiskSignals signals)
    {
        var fired = new List<(string Rule, RiskAction Action)>();
        if (signals.Card.Attempts.CountWithin(signals.Now, rules.CardVelocity.WindowSeconds) > rules.CardVelocity.Limit)
            fired.Add((RiskRuleNames.CardVelocity, rules.CardVelocity.Action));
        if (signals.Address is { } address && address.Attempts.CountWithin(signals.Now, rules.AddressVelocity.WindowSeconds) > rules.AddressVelocity.Limit)
            fired.Add((RiskRuleNames.AddressVelocity, rules.AddressVelocity.Action));
        if (signals.Card.Declines.CountWithin(signals.Now, rules.DeclineBurst.WindowSeconds) >= rules.DeclineBurst.Limit)
            fired.Add((RiskRuleNames.DeclineBurst, rules.DeclineBurst.Action));
        if (signals.MerchantAmounts.Count >= rules.AmountOutlier.MinPayments && signals.MerchantAmounts.DeviationsAbove(signals.Amount) > rules.AmountOutlier.Deviations)
            fired.Add((RiskRuleNames.AmountOutlier, rules.AmountOutlier.Action));
        if (signals.ClientCountry is { } client && !string.Equals(client, signals.CardCountry, StringComparison.Ordinal))
            fired.Add((RiskRuleNames.CountryMismatch, rules.CountryMismatch.Action));

        var score = Math.Min(MaxScore, BaseScore + fired.Sum(rule => Weights[rule.Rule]));
        var names = fired.Select(rule => rule.Rule).ToList();
        if (signals.SandboxLevel is { } forced)
        {
            score = forced == RiskLevel.Highest ? 95 : forced == RiskLevel.Elevated ? Math.Clamp(score, RiskLevels.ElevatedFrom, RiskLevels.HighestFrom - 1) : score;
            names.Add(RiskRuleNames.SandboxCard);
        }
        var level = RiskLevels.OfScore(score);
        var levelAction = level switch { RiskLevel.Highest => rules.Highest, RiskLevel.Elevated => rules.Elevated, _ => RiskAction.Allow };
        var outcome = fired.Select(rule => rule.Action).Append(levelAction).Max();
        return new RiskAssessment(score, level, names) { Outcome = outcome };
    }
}
