using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Accounts;

/// <summary><c>payout_schedule</c> of <c>POST /v1/accounts</c> and <c>PATCH /v1/accounts/{id}</c>: the whole schedule, replaced as one.</summary>
[Description("When the account is paid out automatically (in UTC). `manual` (the default): only `POST /v1/payouts`. `daily`: each day from 00:00. `weekly`: from 00:00 of `weekly_anchor` (default `monday`). `monthly`: from 00:00 of day `monthly_anchor` (default 1; the month's last day when it is shorter). Each period pays the available balance in the payout destination's currency, less what became available in the last `delay_days` days, at most once (`automatic: true`). An anchor of another interval is `400 parameter_invalid`.")]
[Example("""
{
  "interval": "weekly",
  "weekly_anchor": "friday",
  "delay_days": 2
}
""")]
public sealed record PayoutScheduleInput(
    [AllowedValues("manual", "daily", "weekly", "monthly"), Required]
    string? Interval,
    [Description("Weekly schedules only: the day of the week the payout falls due."), AllowedValues("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")]
    string? WeeklyAnchor,
    [Description("Monthly schedules only: the day of the month the payout falls due; 29–31 mean the month's last day in shorter months."), Range(1, 31)]
    int? MonthlyAnchor,
    [Description("Days of recent earnings to keep back from each automatic payout (default 0)."), Range(0, PayoutSchedule.MaxDelayDays)]
    int? DelayDays)
{
    private const string Param = "payout_schedule";

    public Result<PayoutSchedule> Validate()
    {
        if (Interval is null) return Errors.ParameterMissing($"{Param}.interval");
        PayoutInterval? parsed = Interval switch
        {
            "manual" => PayoutInterval.Manual,
            "daily" => PayoutInterval.Daily,
            "weekly" => PayoutInterval.Weekly,
            "monthly" => PayoutInterval.Monthly,
            _ => null,
        };
        if (parsed is not { } interval) return Errors.ParameterInvalid($"{Param}.interval", "The interval must be 'manual', 'daily', 'weekly' or 'monthly'.");
        if (WeeklyAnchor is not null && interval != PayoutInterval.Weekly)
        {
            return Errors.ParameterInvalid($"{Param}.weekly_anchor", "A weekly_anchor is only allowed with the 'weekly' interval.");
        }
        DayOfWeek? weekday = null;
        if (WeeklyAnchor is not null)
        {
            weekday = Enum.GetValues<DayOfWeek>().Select(day => (DayOfWeek?)day).FirstOrDefault(day => day!.Value.ApiName() == WeeklyAnchor);
            if (weekday is null) return Errors.ParameterInvalid($"{Param}.weekly_anchor", "The weekly_anchor must be a day of the week in lower case, such as 'monday'.");
        }
        if (MonthlyAnchor is not null && interval != PayoutInterval.Monthly)
        {
            return Errors.ParameterInvalid($"{Param}.monthly_anchor", "A monthly_anchor is only allowed with the 'monthly' interval.");
        }
        if (MonthlyAnchor is < 1 or > 31) return Errors.ParameterInvalid($"{Param}.monthly_anchor", "The monthly_anchor must be a day of the month from 1 to 31.");
        if (DelayDays is < 0 or > PayoutSchedule.MaxDelayDays)
        {
            return Errors.ParameterInvalid($"{Param}.delay_days", $"The delay_days must be an integer from 0 to {PayoutSchedule.MaxDelayDays}.");
        }
        return new PayoutSchedule(interval, weekday, MonthlyAnchor, DelayDays ?? 0);
    }
}
