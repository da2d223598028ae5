using System.Globalization;

namespace EmbeddedFinance.Core.Accounts;

public enum PayoutInterval { Manual, Daily, Weekly, Monthly }

/// <summary>
/// When an account is paid out automatically. Every instant is in UTC: a daily schedule falls due at each midnight, a
/// weekly one at the midnight that starts its anchor day, a monthly one at the midnight that starts its anchor day of
/// the month (the month's last day when it is shorter). Each due time opens one period (<see cref="PeriodOf"/>), which
/// names the one automatic payout it may have.
/// </summary>
public sealed record PayoutSchedule(PayoutInterval Interval, DayOfWeek? WeeklyAnchor = null, int? MonthlyAnchor = null, int DelayDays = 0)
{
    public const int MaxDelayDays = 30;

    public static readonly PayoutSchedule Manual = new(PayoutInterval.Manual);

    /// <summary>The first due time strictly after <paramref name="after"/>; null for a manual schedule.</summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset after)
    {
        if (Interval == PayoutInterval.Manual) return null;
        var day = new DateTimeOffset(after.UtcDateTime.Date, TimeSpan.Zero);
        // At most a month and a day ahead; a loop over days keeps the rule in one place (IsDueAt).
        for (var candidate = day.AddDays(1); ; candidate = candidate.AddDays(1))
        {
            if (IsDueAt(candidate)) return candidate;
        }
    }

    /// <summary>Whether <paramref name="at"/> is one of this schedule's due times.</summary>
    public bool IsDueAt(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        if (utc.TimeOfDay != TimeSpan.Zero) return false;
        return Interval switch
        {
            PayoutInterval.Daily => true,
            PayoutInterval.Weekly => utc.DayOfWeek == (WeeklyAnchor ?? DayOfWeek.Monday),
            PayoutInterval.Monthly => utc.Day == Math.Min(MonthlyAnchor ?? 1, DateTime.DaysInMonth(utc.Year, utc.Month)),
            _ => false,
        };
    }

    /// <summary>The period a due time opens, in UTC: <c>2026-12-02</c> (daily), <c>2026-W49</c> (ISO week), <c>2026-12</c> (monthly).</summary>
    public string PeriodOf(DateTimeOffset dueAt)
    {
        var utc = dueAt.UtcDateTime;
        return Interval switch
        {
            PayoutInterval.Daily => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PayoutInterval.Weekly => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(utc):D4}-W{ISOWeek.GetWeekOfYear(utc):D2}"),
            PayoutInterval.Monthly => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException("A manual schedule has no periods."),
        };
    }
}

public static class PayoutScheduleNames
{
    public static string ApiName(this PayoutInterval interval) => interval.ToString().ToLowerInvariant();

    public static string ApiName(this DayOfWeek day) => day.ToString().ToLowerInvariant();
}
