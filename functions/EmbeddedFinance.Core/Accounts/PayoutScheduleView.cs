using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Accounts;

[Description("When the account is paid out automatically (UTC); `manual` means only by `POST /v1/payouts`.")]
public sealed record PayoutScheduleView(
    [AllowedValues("manual", "daily", "weekly", "monthly"), Example("daily")]
    string Interval,
    [Description("Weekly schedules: the day the payout falls due; otherwise null."), AllowedValues("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")]
    string? WeeklyAnchor,
    [Description("Monthly schedules: the day of the month the payout falls due (the last day in shorter months); otherwise null."), Range(1, 31)]
    int? MonthlyAnchor,
    [Description("Days of recent earnings kept back from each automatic payout."), Range(0, PayoutSchedule.MaxDelayDays)]
    int DelayDays)
{
    public static PayoutScheduleView From(PayoutSchedule schedule) => new(
        schedule.Interval.ApiName(),
        schedule.Interval == PayoutInterval.Weekly ? (schedule.WeeklyAnchor ?? DayOfWeek.Monday).ApiName() : null,
        schedule.Interval == PayoutInterval.Monthly ? schedule.MonthlyAnchor ?? 1 : null,
        schedule.DelayDays);
}
