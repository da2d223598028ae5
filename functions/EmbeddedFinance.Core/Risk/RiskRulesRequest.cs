using System.ComponentModel;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Risk;

/// <summary>The body of <c>PUT /v1/risk/rules</c>: the whole document; a member left out takes its default.</summary>
[Description("The body of `PUT /v1/risk/rules`: the whole rules document. A member left out takes its default (not its current value); unknown members are `400 parameter_unknown`.")]
public sealed record RiskRulesRequest(
    VelocityRuleInput? CardVelocity,
    VelocityRuleInput? AddressVelocity,
    VelocityRuleInput? DeclineBurst,
    AmountOutlierRuleInput? AmountOutlier,
    CountryMismatchRuleInput? CountryMismatch,
    [Description("What an `elevated` score does: `allow`, `review` (default) or `block`.")]
    string? ElevatedAction,
    [Description("What a `highest` score does: `allow`, `review` or `block` (default).")]
    string? HighestAction)
{
    public Result<RiskRules> Validate()
    {
        var defaults = RiskRules.Defaults;
        var card = VelocityRuleInput.Validate(CardVelocity, defaults.CardVelocity, "card_velocity");
        if (!card.IsSuccess) return card.Error!;
        var address = VelocityRuleInput.Validate(AddressVelocity, defaults.AddressVelocity, "address_velocity");
        if (!address.IsSuccess) return address.Error!;
        var declines = VelocityRuleInput.Validate(DeclineBurst, defaults.DeclineBurst, "decline_burst");
        if (!declines.IsSuccess) return declines.Error!;

        var outlier = defaults.AmountOutlier;
        if (AmountOutlier is { } amount)
        {
            if (amount.Deviations is { } deviations && deviations is < 1 or > 20) return Errors.ParameterInvalid("amount_outlier.deviations", "The amount_outlier.deviations must be from 1 to 20.");
            if (amount.MinPayments is { } minimum && minimum is < 2 or > 100_000) return Errors.ParameterInvalid("amount_outlier.min_payments", "The amount_outlier.min_payments must be from 2 to 100000.");
            var action = ParseAction(amount.Action, outlier.Action, "amount_outlier.action");
            if (!action.IsSuccess) return action.Error!;
            outlier = new AmountOutlierRule(amount.Deviations ?? outlier.Deviations, amount.MinPayments ?? outlier.MinPayments, action.Value);
        }

        var country = defaults.CountryMismatch;
        if (CountryMismatch is { } mismatch)
        {
            var action = ParseAction(mismatch.Action, country.Action, "country_mismatch.action");
            if (!action.IsSuccess) return action.Error!;
            country = new CountryMismatchRule(action.Value);
        }

        var elevated = ParseAction(ElevatedAction, defaults.Elevated, "elevated_action");
        if (!elevated.IsSuccess) return elevated.Error!;
        var highest = ParseAction(HighestAction, defaults.Highest, "highest_action");
        if (!highest.IsSuccess) return highest.Error!;
        return new RiskRules(card.Value!, address.Value!, declines.Value!, outlier, country, elevated.Value, highest.Value);
    }

    internal static Result<RiskAction> ParseAction(string? name, RiskAction fallback, string param)
    {
        if (name is null) return fallback;
        return RiskActions.TryParse(name, out var action) ? action : Errors.ParameterInvalid(param, $"The {param} must be 'allow', 'review' or 'block'.");
    }
}

[Description("A count within a sliding window; a member left out takes the rule's default.")]
public sealed record VelocityRuleInput(
    [Description("How many are allowed: 1–10000 (otherwise `400 parameter_invalid`).")]
    int? Limit,
    [Description("The window in seconds: 10–3600 (otherwise `400 parameter_invalid`).")]
    int? WindowSeconds,
    [Description("`allow`, `review` or `block`.")]
    string? Action)
{
    internal static Result<VelocityRule> Validate(VelocityRuleInput? input, VelocityRule fallback, string param)
    {
        if (input is null) return fallback;
        if (input.Limit is { } limit && limit is < 1 or > 10_000) return Errors.ParameterInvalid($"{param}.limit", $"The {param}.limit must be from 1 to 10000.");
        if (input.WindowSeconds is { } window && (window < RiskRules.MinWindowSeconds || window > RiskRules.MaxWindowSeconds))
        {
            return Errors.ParameterInvalid($"{param}.window_seconds", $"The {param}.window_seconds must be from {RiskRules.MinWindowSeconds} to {RiskRules.MaxWindowSeconds}.");
        }
        var action = RiskRulesRequest.ParseAction(input.Action, fallback.Action, $"{param}.action");
        if (!action.IsSuccess) return action.Error!;
        return new VelocityRule(input.Limit ?? fallback.Limit, input.WindowSeconds ?? fallback.WindowSeconds, action.Value);
    }
}

public sealed record AmountOutlierRuleInput(
    [Description("Standard deviations above the mean: 1–20.")]
    int? Deviations,
    [Description("Authorized payments before the rule applies: 2–100000.")]
    int? MinPayments,
    [Description("`allow`, `review` or `block`.")]
    string? Action);

public sealed record CountryMismatchRuleInput(
    [Description("`allow`, `review` or `block`.")]
    string? Action);
