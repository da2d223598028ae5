using EmbeddedFinance.LocalHost.DevConsole;
using EmbeddedFinance.LocalHost.Indexing;
using EmbeddedFinance.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.LocalHost.Timers;

/// <summary>Fires one timer function on its NCRONTAB schedule (UTC), once per occurrence, like the Functions host.</summary>
public sealed class TimerTriggerScheduler(TimerFunction function, FunctionInvoker invoker, InvocationLog invocations, TimeProvider clock, ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    // Task.Delay takes at most ~49.7 days; long schedules wait in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = DateTime.MinValue;
        if (function.RunOnStartup) await FireAsync(last, clock.GetUtcNow().UtcDateTime, stoppingToken);
        var from = clock.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = function.Schedule.GetNextOccurrence(from, TimeZoneInfo.Utc);
            if (next is null) return;
            try
            {
                // Timers may wake a millisecond early; never fire before the occurrence itself.
                for (var wait = next.Value - clock.GetUtcNow().UtcDateTime; wait > TimeSpan.Zero; wait = next.Value - clock.GetUtcNow().UtcDateTime)
                {
                    await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > LongestWait ? LongestWait : wait, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await FireAsync(last, next.Value, stoppingToken);
            last = next.Value;
            // Like the Functions host: occurrences missed while the function ran (or the machine slept) fire once,
            // as past due, not as a burst. Never before the occurrence just fired, so it cannot fire twice.
            var now = clock.GetUtcNow().UtcDateTime;
            from = now > next.Value ? now : next.Value;
        }
    }

    private async Task FireAsync(DateTime last, DateTime occurrence, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var info = new TimerInfo
        {
            ScheduleStatus = new ScheduleStatus
            {
                Last = last,
                Next = function.Schedule.GetNextOccurrence(occurrence, TimeZoneInfo.Utc) ?? DateTime.MaxValue,
                LastUpdated = now,
            },
            IsPastDue = now - occurrence > TimeSpan.FromSeconds(5),
        };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await invoker.InvokeAsync(function, new TriggerInput.Timer(info, stoppingToken));
            invocations.Record(function.Name, "succeeded", started, null);
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            invocations.Record(function.Name, "failed", started, null);
            logger.LogError(failure, "Timer function {Function} failed for the occurrence at {Occurrence:o}; it runs again at the next one", function.Name, occurrence);
        }
    }
}
