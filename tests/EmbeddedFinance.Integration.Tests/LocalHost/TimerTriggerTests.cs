using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.DevConsole;
using EmbeddedFinance.LocalHost.Indexing;
using EmbeddedFinance.LocalHost.Invocation;
using EmbeddedFinance.LocalHost.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

public sealed class TimerTriggerTests
{
    [Fact]
    public async Task A_timer_fires_once_per_occurrence_of_its_NCRONTAB_schedule()
    {
        var recorder = new ProbeRecorder();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Schedules:Probe"] = "*/2 * * * * *" },
            services => services.AddSingleton(recorder),
            [ProbeMetadata.Timer("EveryTwoSeconds", "%Schedules:Probe%")]);

        await Eventually.HoldsAsync(() => recorder.Of("tick").Count >= 3, "three firings", state: () => $"{recorder.Of("tick").Count} so far");

        var ticks = recorder.Of("tick").Take(3).Select(tick => (Occurrence: DateTime.Parse(tick.Value, null, System.Globalization.DateTimeStyles.RoundtripKind).AddSeconds(-2), tick.At)).ToList();
        Assert.Equal(3, ticks.Count);
        // Each firing comes at (never before) its occurrence and soon after it; consecutive firings belong to
        // consecutive occurrences: none doubled, none skipped.
        Assert.All(ticks, tick => Assert.InRange((tick.At - tick.Occurrence).TotalSeconds, 0, 1.0));
        Assert.All(ticks, tick => Assert.Equal(0, tick.Occurrence.Second % 2));
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second.Occurrence - pair.First.Occurrence));
    }

    [Fact]
    public async Task Occurrences_missed_while_the_machine_slept_fire_once_not_as_a_burst()
    {
        var recorder = new ProbeRecorder();
        var clock = new CountingTimersClock(new DateTimeOffset(2026, 11, 25, 6, 0, 30, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton(recorder).BuildServiceProvider();
        var function = (TimerFunction)FunctionCatalog.Index(ProbeMetadata.Timer("EveryMinute", "0 * * * * *"), new ConfigurationBuilder().Build());
        using var scheduler = new TimerTriggerScheduler(function, new FunctionInvoker(services.GetRequiredService<IServiceScopeFactory>()), new InvocationLog(NullLogger<InvocationLog>.Instance), clock, NullLogger<TimerTriggerScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        // ExecuteAsync runs on a background thread: each wait it starts (for 06:01, then 06:11, then 06:12) is a timer
        // on the clock, and a firing always completes before the next wait begins.
        await Eventually.HoldsAsync(() => clock.TimersCreated >= 1, "the scheduler waiting for 06:01");

        clock.Advance(TimeSpan.FromMinutes(10));
        await Eventually.HoldsAsync(() => clock.TimersCreated >= 2, "the scheduler waiting for 06:11", state: Ticks);
        Assert.Equal(["2026-11-25T06:02:00.0000000Z"], recorder.Of("tick").Select(tick => tick.Value));
        clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => clock.TimersCreated >= 3, "the scheduler waiting for 06:12", state: Ticks);

        // One firing for all of 06:01–06:10 (past due), then the 06:11 occurrence on time.
        Assert.Equal(["2026-11-25T06:02:00.0000000Z", "2026-11-25T06:12:00.0000000Z"], recorder.Of("tick").Select(tick => tick.Value));
        await scheduler.StopAsync(CancellationToken.None);

        string Ticks() => string.Join(", ", recorder.Of("tick").Select(tick => tick.Value));
    }
}
