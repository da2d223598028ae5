using EmbeddedFinance.Core.Risk;

namespace EmbeddedFinance.Core.Tests.Risk;

public sealed class AmountStatisticTests
{
    [Fact]
    public void Mean_and_deviation_are_those_of_the_amounts()
    {
        var statistic = new long[] { 2, 4, 4, 4, 5, 5, 7, 9 }.Aggregate(AmountStatistic.None, (s, amount) => s.Add(amount));

        Assert.Equal(8, statistic.Count);
        Assert.Equal(5, statistic.Mean, 9);
        Assert.Equal(Math.Sqrt(32.0 / 7), statistic.StandardDeviation, 9);
    }

    [Fact]
    public void Merging_what_instances_gathered_apart_equals_adding_every_amount_in_one_place()
    {
        var amounts = Enumerable.Range(1, 60).Select(i => (long)(i * 37 % 101)).ToList();
        var whole = amounts.Aggregate(AmountStatistic.None, (s, amount) => s.Add(amount));
        var merged = amounts.Take(25).Aggregate(AmountStatistic.None, (s, a) => s.Add(a)).Merge(amounts.Skip(25).Aggregate(AmountStatistic.None, (s, a) => s.Add(a)));

        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.Mean, merged.Mean, 9);
        Assert.Equal(whole.StandardDeviation, merged.StandardDeviation, 9);
    }

    [Fact]
    public void Past_the_horizon_the_count_stops_growing_and_the_mean_follows_recent_amounts()
    {
        var old = Enumerable.Range(0, (int)AmountStatistic.Horizon).Aggregate(AmountStatistic.None, (s, _) => s.Add(1000));
        var recent = Enumerable.Range(0, 3000).Aggregate(old, (s, _) => s.Add(5000));

        Assert.Equal(AmountStatistic.Horizon, recent.Count);
        Assert.True(recent.Mean > 4500, $"mean {recent.Mean} should have moved towards the recent 5000");
    }
}
