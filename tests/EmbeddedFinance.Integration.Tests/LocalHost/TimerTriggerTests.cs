using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (recorder.Of("tick").Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(100);

        var ticks = recorder.Of("tick").Select(tick => tick.At).Take(3).ToList();
        Assert.Equal(3, ticks.Count);
        // Each firing belongs to the even second at or just before it (never early), and consecutive firings
        // belong to consecutive occurrences: none doubled, none skipped.
        var occurrences = ticks.Select(at => new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(-(at.Second % 2))).ToList();
        Assert.All(ticks.Zip(occurrences), pair => Assert.True(pair.First - pair.Second < TimeSpan.FromSeconds(1.5), $"fired late at {pair.First:O}"));
        Assert.All(occurrences.Zip(occurrences.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second - pair.First));
    }
}
