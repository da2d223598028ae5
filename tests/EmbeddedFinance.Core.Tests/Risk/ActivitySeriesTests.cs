using EmbeddedFinance.Core.Risk;

namespace EmbeddedFinance.Core.Tests.Risk;

public sealed class ActivitySeriesTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Counts_within_a_window_take_whole_slots_back_from_the_current_one()
    {
        var series = ActivitySeries.Empty.Add(Now.AddSeconds(-70)).Add(Now.AddSeconds(-30)).Add(Now.AddSeconds(-5)).Add(Now);

        Assert.Equal(3, series.CountWithin(Now, 60));
        Assert.Equal(4, series.CountWithin(Now, 120));
        Assert.Equal(2, series.CountWithin(Now, ActivitySeries.SlotSeconds));
    }

    [Fact]
    public void Slots_older_than_an_hour_are_dropped_when_the_next_is_added()
    {
        var series = ActivitySeries.Empty.Add(Now.AddHours(-2)).Add(Now.AddMinutes(-59)).Add(Now);

        Assert.Equal(2, series.Slots.Count);
        Assert.Equal(2, series.CountWithin(Now, ActivitySeries.KeptSeconds));
    }

    [Fact]
    public void The_stored_text_reads_back_as_the_same_series()
    {
        var series = ActivitySeries.Empty.Add(Now.AddSeconds(-25)).Add(Now).Add(Now);

        Assert.Equal(series, ActivitySeries.Parse(series.Serialize()));
        Assert.Equal(ActivitySeries.Empty, ActivitySeries.Parse(""));
    }
}
