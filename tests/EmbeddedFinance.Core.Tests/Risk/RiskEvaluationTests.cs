using EmbeddedFinance.Core.Risk;

namespace EmbeddedFinance.Core.Tests.Risk;

public sealed class RiskEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static Activity Attempts(int count, int declines = 0, TimeSpan? ago = null)
    {
        var at = Now - (ago ?? TimeSpan.Zero);
        var attempts = Enumerable.Range(0, count).Aggregate(ActivitySeries.Empty, (series, _) => series.Add(at));
        var declined = Enumerable.Range(0, declines).Aggregate(ActivitySeries.Empty, (series, _) => series.Add(at));
        return new Activity(attempts, declined);
    }

    private static RiskSignals Signals(Activity? card = null, Activity? address = null, AmountStatistic? amounts = null, long amount = 1000,
        string cardCountry = "US", string? clientCountry = null, RiskLevel? sandbox = null) =>
        new(Now, amount, card ?? Attempts(1), address, amounts ?? AmountStatistic.None, cardCountry, clientCountry, sandbox);

    [Fact]
    public void A_first_payment_with_nothing_known_is_normal_and_allowed_at_the_base_score()
    {
        var risk = RiskEvaluation.Assess(RiskRules.Defaults, Signals());

        Assert.Equal((RiskEvaluation.BaseScore, RiskLevel.Normal, RiskAction.Allow), (risk.Score, risk.Level, risk.Outcome));
        Assert.Empty(risk.Rules);
    }

    [Fact]
    public void The_twentieth_attempt_in_a_minute_passes_and_the_twenty_first_trips_card_velocity_for_review()
    {
        var twentieth = RiskEvaluation.Assess(RiskRules.Defaults, Signals(card: Attempts(20)));
        var twentyFirst = RiskEvaluation.Assess(RiskRules.Defaults, Signals(card: Attempts(21)));

        Assert.Empty(twentieth.Rules);
        Assert.Equal([RiskRuleNames.CardVelocity], twentyFirst.Rules);
        Assert.Equal((RiskLevel.Elevated, RiskAction.Review), (twentyFirst.Level, twentyFirst.Outcome));
    }

    [Fact]
    public void Attempts_older_than_the_window_do_not_count()
    {
        var old = Attempts(50, ago: TimeSpan.FromMinutes(2));

        var risk = RiskEvaluation.Assess(RiskRules.Defaults, Signals(card: old.Add(RiskEvent.Attempt, Now)));

        Assert.Empty(risk.Rules);
    }

    [Fact]
    public void Address_velocity_fires_only_when_the_address_is_known()
    {
        var busy = Attempts(31);

        Assert.Equal([RiskRuleNames.AddressVelocity], RiskEvaluation.Assess(RiskRules.Defaults, Signals(address: busy)).Rules);
        Assert.Empty(RiskEvaluation.Assess(RiskRules.Defaults, Signals(address: null)).Rules);
    }

    [Fact]
    public void A_burst_of_declines_on_the_card_is_highest_and_blocked_by_default()
    {
        var risk = RiskEvaluation.Assess(RiskRules.Defaults, Signals(card: Attempts(6, declines: 5)));

        Assert.Equal([RiskRuleNames.DeclineBurst], risk.Rules);
        Assert.Equal((RiskLevel.Highest, RiskAction.Block), (risk.Level, risk.Outcome));
    }

    [Fact]
    public void An_amount_far_above_the_merchants_usual_fires_once_there_are_enough_payments()
    {
        var usual = Enumerable.Range(0, 30).Aggregate(AmountStatistic.None, (statistic, i) => statistic.Add(1000 + i % 5 * 10));
        var few = Enumerable.Range(0, 5).Aggregate(AmountStatistic.None, (statistic, i) => statistic.Add(1000 + i * 10));

        Assert.Equal([RiskRuleNames.AmountOutlier], RiskEvaluation.Assess(RiskRules.Defaults, Signals(amounts: usual, amount: 50_000)).Rules);
        Assert.Empty(RiskEvaluation.Assess(RiskRules.Defaults, Signals(amounts: usual, amount: 1020)).Rules);
        Assert.Empty(RiskEvaluation.Assess(RiskRules.Defaults, Signals(amounts: few, amount: 50_000)).Rules);
    }

    [Fact]
    public void A_card_from_another_country_than_the_client_is_scored_but_allowed_by_default()
    {
        var risk = RiskEvaluation.Assess(RiskRules.Defaults, Signals(cardCountry: "GB", clientCountry: "US"));

        Assert.Equal([RiskRuleNames.CountryMismatch], risk.Rules);
        Assert.Equal((RiskLevel.Normal, RiskAction.Allow), (risk.Level, risk.Outcome));
        Assert.Empty(RiskEvaluation.Assess(RiskRules.Defaults, Signals(cardCountry: "US", clientCountry: "US")).Rules);
        Assert.Empty(RiskEvaluation.Assess(RiskRules.Defaults, Signals(cardCountry: "GB", clientCountry: null)).Rules);
    }

    [Fact]
    public void The_most_severe_action_wins_and_the_score_never_passes_99()
    {
        var rules = RiskRules.Defaults with { CountryMismatch = new CountryMismatchRule(RiskAction.Block) };

        var risk = RiskEvaluation.Assess(rules, Signals(card: Attempts(30, declines: 9), address: Attempts(40), clientCountry: "FR"));

        Assert.Equal(RiskAction.Block, risk.Outcome);
        Assert.Equal(RiskEvaluation.MaxScore, risk.Score);
    }

    [Fact]
    public void Level_actions_apply_even_when_every_rule_only_allows()
    {
        var lenient = RiskRules.Defaults with { CardVelocity = new VelocityRule(20, 60, RiskAction.Allow) };

        Assert.Equal(RiskAction.Review, RiskEvaluation.Assess(lenient, Signals(card: Attempts(21))).Outcome);
        Assert.Equal(RiskAction.Allow, RiskEvaluation.Assess(lenient with { Elevated = RiskAction.Allow }, Signals(card: Attempts(21))).Outcome);
    }

    [Theory]
    [InlineData(RiskLevel.Highest, 95, RiskAction.Block)]
    [InlineData(RiskLevel.Elevated, RiskLevels.ElevatedFrom, RiskAction.Review)]
    public void Sandbox_cards_force_their_level(RiskLevel forced, int score, RiskAction outcome)
    {
        var risk = RiskEvaluation.Assess(RiskRules.Defaults, Signals(sandbox: forced));

        Assert.Equal((score, forced, outcome), (risk.Score, risk.Level, risk.Outcome));
        Assert.Equal([RiskRuleNames.SandboxCard], risk.Rules);
    }
}
