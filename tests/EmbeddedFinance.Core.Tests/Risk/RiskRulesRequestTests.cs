using EmbeddedFinance.Core.Risk;

namespace EmbeddedFinance.Core.Tests.Risk;

public sealed class RiskRulesRequestTests
{
    private static readonly RiskRulesRequest Nothing = new(null, null, null, null, null, null, null);

    [Fact]
    public void An_empty_document_is_the_defaults()
    {
        Assert.Equal(RiskRules.Defaults, Nothing.Validate().Value);
    }

    [Fact]
    public void Given_members_replace_their_defaults_and_the_rest_keep_theirs()
    {
        var rules = (Nothing with { CardVelocity = new VelocityRuleInput(5, null, "block"), HighestAction = "review" }).Validate().Value!;

        Assert.Equal(new VelocityRule(5, RiskRules.Defaults.CardVelocity.WindowSeconds, RiskAction.Block), rules.CardVelocity);
        Assert.Equal(RiskAction.Review, rules.Highest);
        Assert.Equal(RiskRules.Defaults.DeclineBurst, rules.DeclineBurst);
    }

    [Theory]
    [InlineData("card_velocity.limit")]
    [InlineData("address_velocity.window_seconds")]
    [InlineData("decline_burst.action")]
    [InlineData("amount_outlier.deviations")]
    [InlineData("amount_outlier.min_payments")]
    [InlineData("country_mismatch.action")]
    [InlineData("elevated_action")]
    public void Each_bad_member_is_a_400_naming_it(string param)
    {
        var request = param switch
        {
            "card_velocity.limit" => Nothing with { CardVelocity = new VelocityRuleInput(0, null, null) },
            "address_velocity.window_seconds" => Nothing with { AddressVelocity = new VelocityRuleInput(null, 3601, null) },
            "decline_burst.action" => Nothing with { DeclineBurst = new VelocityRuleInput(null, null, "ignore") },
            "amount_outlier.deviations" => Nothing with { AmountOutlier = new AmountOutlierRuleInput(21, null, null) },
            "amount_outlier.min_payments" => Nothing with { AmountOutlier = new AmountOutlierRuleInput(null, 1, null) },
            "country_mismatch.action" => Nothing with { CountryMismatch = new CountryMismatchRuleInput("Block") },
            _ => Nothing with { ElevatedAction = "" },
        };

        var error = request.Validate().Error;

        Assert.Equal((400, "parameter_invalid", param), (error?.Status, error?.Code, error?.Param));
    }
}
