namespace EmbeddedFinance.Core.Risk;

/// <summary>Fires when more than <see cref="Limit"/> events fell in the last <see cref="WindowSeconds"/> (counted at <see cref="ActivitySeries.SlotSeconds"/>-second granularity).</summary>
public sealed record VelocityRule(int Limit, int WindowSeconds, RiskAction Action);

/// <summary>Fires when the amount lies more than <see cref="Deviations"/> standard deviations above the merchant's mean, once it has <see cref="MinPayments"/> payments in that currency.</summary>
public sealed record AmountOutlierRule(int Deviations, int MinPayments, RiskAction Action);

/// <summary>Fires when the card's issuing country differs from the country the merchant says its client is in.</summary>
public sealed record CountryMismatchRule(RiskAction Action);

/// <summary>
/// A merchant's risk rules (one document per merchant and mode). The defaults are what a merchant gets before it
/// changes anything: card testing is reviewed, decline bursts and the highest level blocked, the rest only scored.
/// </summary>
public sealed record RiskRules(
    VelocityRule CardVelocity,
    VelocityRule AddressVelocity,
    VelocityRule DeclineBurst,
    AmountOutlierRule AmountOutlier,
    CountryMismatchRule CountryMismatch,
    RiskAction Elevated,
    RiskAction Highest)
{
    public const int MinWindowSeconds = 10;
    public const int MaxWindowSeconds = ActivitySeries.KeptSeconds;

    public static readonly RiskRules Defaults = new(
        CardVelocity: new VelocityRule(20, 60, RiskAction.Review),
        AddressVelocity: new VelocityRule(30, 3600, RiskAction.Review),
        DeclineBurst: new VelocityRule(5, 600, RiskAction.Block),
        AmountOutlier: new AmountOutlierRule(5, 20, RiskAction.Review),
        CountryMismatch: new CountryMismatchRule(RiskAction.Allow),
        Elevated: RiskAction.Review,
        Highest: RiskAction.Block);
}
