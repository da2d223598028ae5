using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Risk;

[Description("How the payment was screened before it reached the acquirer.")]
public sealed record RiskView(
    [Description("0 (no sign of risk) to 99; 65 and above is `elevated`, 75 and above `highest`."), Range(0, 99), Example(5)]
    int Score,
    [Description("The score's band."), AllowedValues("normal", "elevated", "highest"), Example("normal")]
    string Level,
    [Description("The rules that fired: `card_velocity`, `address_velocity`, `decline_burst`, `amount_outlier`, `country_mismatch`, `sandbox_card`.")]
    IReadOnlyList<string> Rules)
{
    public static RiskView? From(RiskAssessment? risk) => risk is null ? null : new(risk.Score, risk.Level.ApiName(), risk.Rules);
}
