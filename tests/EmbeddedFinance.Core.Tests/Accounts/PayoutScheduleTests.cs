using EmbeddedFinance.Core.Accounts;

namespace EmbeddedFinance.Core.Tests.Accounts;

public sealed class PayoutScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_daily_schedule_is_due_at_the_next_utc_midnight_and_names_the_day()
    {
        var daily = new PayoutSchedule(PayoutInterval.Daily);

        var due = daily.NextDueAfter(Utc(2026, 12, 1, 15));

        Assert.Equal(Utc(2026, 12, 2), due);
        Assert.Equal("2026-12-02", daily.PeriodOf(due!.Value));
        Assert.Equal(Utc(2026, 12, 3), daily.NextDueAfter(Utc(2026, 12, 2)));
    }

    [Fact]
    public void A_weekly_schedule_is_due_on_its_anchor_day_and_names_the_iso_week()
    {
        var friday = new PayoutSchedule(PayoutInterval.Weekly, WeeklyAnchor: DayOfWeek.Friday);

        var due = friday.NextDueAfter(Utc(2026, 12, 1, 9)); // a Tuesday

        Assert.Equal(Utc(2026, 12, 4), due);
        Assert.Equal("2026-W49", friday.PeriodOf(due!.Value));
        Assert.Equal(Utc(2026, 12, 7), new PayoutSchedule(PayoutInterval.Weekly).NextDueAfter(Utc(2026, 12, 1)));
        Assert.Equal("2026-W53", friday.PeriodOf(Utc(2027, 1, 1)));
    }

    [Fact]
    public void A_monthly_anchor_past_the_end_of_a_shorter_month_means_its_last_day()
    {
        var thirtyFirst = new PayoutSchedule(PayoutInterval.Monthly, MonthlyAnchor: 31);

        Assert.Equal(Utc(2027, 2, 28), thirtyFirst.NextDueAfter(Utc(2027, 2, 1)));
        Assert.Equal(Utc(2027, 3, 31), thirtyFirst.NextDueAfter(Utc(2027, 2, 28)));
        Assert.Equal(Utc(2028, 2, 29), thirtyFirst.NextDueAfter(Utc(2028, 2, 10)));
        Assert.Equal("2027-02", thirtyFirst.PeriodOf(Utc(2027, 2, 28)));
        Assert.False(thirtyFirst.IsDueAt(Utc(2027, 3, 30)));
    }

    [Fact]
    public void A_manual_schedule_is_never_due()
    {
        Assert.Null(PayoutSchedule.Manual.NextDueAfter(Utc(2026, 12, 1)));
        Assert.False(PayoutSchedule.Manual.IsDueAt(Utc(2026, 12, 2)));
    }

    [Fact]
    public void Only_midnights_are_due_times()
    {
        Assert.False(new PayoutSchedule(PayoutInterval.Daily).IsDueAt(Utc(2026, 12, 2, 1)));
    }

    [Theory]
    [InlineData(null, null, null, null, "payout_schedule.interval", "parameter_missing")]
    [InlineData("hourly", null, null, null, "payout_schedule.interval", "parameter_invalid")]
    [InlineData("Daily", null, null, null, "payout_schedule.interval", "parameter_invalid")]
    [InlineData("daily", "monday", null, null, "payout_schedule.weekly_anchor", "parameter_invalid")]
    [InlineData("weekly", "mon", null, null, "payout_schedule.weekly_anchor", "parameter_invalid")]
    [InlineData("weekly", null, 3, null, "payout_schedule.monthly_anchor", "parameter_invalid")]
    [InlineData("monthly", null, 0, null, "payout_schedule.monthly_anchor", "parameter_invalid")]
    [InlineData("monthly", null, 32, null, "payout_schedule.monthly_anchor", "parameter_invalid")]
    [InlineData("daily", null, null, -1, "payout_schedule.delay_days", "parameter_invalid")]
    [InlineData("daily", null, null, 31, "payout_schedule.delay_days", "parameter_invalid")]
    public void Bad_input_names_its_parameter(string? interval, string? weekly, int? monthly, int? delay, string param, string code)
    {
        var result = new PayoutScheduleInput(interval, weekly, monthly, delay).Validate();

        Assert.Equal((400, code, param), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
    }

    [Fact]
    public void Good_input_becomes_the_schedule_with_its_defaults()
    {
        Assert.Equal(new PayoutSchedule(PayoutInterval.Weekly, DayOfWeek.Sunday, null, 30), new PayoutScheduleInput("weekly", "sunday", null, 30).Validate().Value);
        Assert.Equal(new PayoutSchedule(PayoutInterval.Monthly, null, 31, 0), new PayoutScheduleInput("monthly", null, 31, null).Validate().Value);
        var view = PayoutScheduleView.From(new PayoutSchedule(PayoutInterval.Weekly));
        Assert.Equal(("weekly", "monday", (int?)null, 0), (view.Interval, view.WeeklyAnchor, view.MonthlyAnchor, view.DelayDays));
    }
}
