using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Risk;

[Description("A merchant's risk rules (per mode). Each rule that fires adds to the payment's risk score and names itself in `risk.rules`; its `action` and the level's action decide the payment: `allow` goes on, `review` holds an authorized payment in `requires_review`, `block` refuses it with `402 payment_blocked` before the acquirer. The most severe action wins.")]
public sealed record RiskRulesView(
    [Description("The object's type: always `risk_rules`."), AllowedValues("risk_rules")]
    string Object,
    [Description("Payment attempts on one card (by fingerprint) within the window, this one included. Default: more than 20 in 60 s → review.")]
    VelocityRuleView CardVelocity,
    [Description("Payment attempts from one client address (the request's `client.ip_address`) within the window. Default: more than 30 in 3600 s → review.")]
    VelocityRuleView AddressVelocity,
    [Description("Declines by the acquirer on one card within the window, before this attempt: fires at `limit` or more. Default: 5 in 600 s → block.")]
    VelocityRuleView DeclineBurst,
    [Description("An amount more than `deviations` standard deviations above the merchant's rolling mean in that currency, once it has `min_payments` authorized payments. Default: 5 deviations after 20 payments → review.")]
    AmountOutlierRuleView AmountOutlier,
    [Description("The card's issuing country differs from `client.country`. Default: allow (scored only).")]
    CountryMismatchRuleView CountryMismatch,
    [Description("What an `elevated` score (65–74) does. Default: review."), AllowedValues("allow", "review", "block")]
    string ElevatedAction,
    [Description("What a `highest` score (75–99) does. Default: block."), AllowedValues("allow", "review", "block")]
    string HighestAction)
{
    public static RiskRulesView From(RiskRules rules) => new(
        "risk_rules", VelocityRuleView.From(rules.CardVelocity), VelocityRuleView.From(rules.AddressVelocity), VelocityRuleView.From(rules.DeclineBurst),
        new AmountOutlierRuleView(rules.AmountOutlier.Deviations, rules.AmountOutlier.MinPayments, rules.AmountOutlier.Action.ApiName()),
        new CountryMismatchRuleView(rules.CountryMismatch.Action.ApiName()), rules.Elevated.ApiName(), rules.Highest.ApiName());
}

[Description("A count within a sliding window (10-second granularity).")]
public sealed record VelocityRuleView(
    [Description("How many are allowed: 1–10000."), Range(1, 10000), Example(20)]
    int Limit,
    [Description("The window in seconds: 10–3600."), Range(10, 3600), Example(60)]
    int WindowSeconds,
    [Description("What the rule does when it fires."), AllowedValues("allow", "review", "block")]
    string Action)
{
    public static VelocityRuleView From(VelocityRule rule) => new(rule.Limit, rule.WindowSeconds, rule.Action.ApiName());
}

public sealed record AmountOutlierRuleView(
    [Description("How many standard deviations above the mean: 1–20."), Range(1, 20), Example(5)]
    int Deviations,
    [Description("Authorized payments in the currency before the rule applies: 2–100000."), Range(2, 100000), Example(20)]
    int MinPayments,
    [AllowedValues("allow", "review", "block")]
    string Action);

public sealed record CountryMismatchRuleView(
    [AllowedValues("allow", "review", "block")]
    string Action);
