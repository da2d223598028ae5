using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Core.Tests.Common;

public sealed class ExpiringCacheTests
{
    [Fact]
    public void An_entry_is_served_until_its_time_to_live_has_passed_and_not_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ExpiringCache<string, int>(TimeSpan.FromMinutes(1), clock);
        cache.Set("a", 1);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(1, value);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void An_infinite_time_to_live_never_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ExpiringCache<string, int>(Timeout.InfiniteTimeSpan, clock);
        cache.Set("a", 1);

        clock.Advance(TimeSpan.FromDays(3650));
        Assert.True(cache.TryGet("a", out _));
    }

    [Fact]
    public async Task GetOrAdd_loads_once_while_the_entry_is_fresh()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ExpiringCache<string, int>(TimeSpan.FromMinutes(1), clock);
        var loads = 0;

        await cache.GetOrAddAsync("a", _ => Task.FromResult(++loads), CancellationToken.None);
        await cache.GetOrAddAsync("a", _ => Task.FromResult(++loads), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var reloaded = await cache.GetOrAddAsync("a", _ => Task.FromResult(++loads), CancellationToken.None);

        Assert.Equal(2, loads);
        Assert.Equal(2, reloaded);
    }

    [Fact]
    public async Task GetOrAdd_does_not_remember_a_value_it_is_told_not_to_keep()
    {
        var cache = new ExpiringCache<string, string?>(TimeSpan.FromMinutes(1), new FakeTimeProvider(DateTimeOffset.UtcNow));

        await cache.GetOrAddAsync("a", _ => Task.FromResult<string?>(null), CancellationToken.None, keep: value => value is not null);

        Assert.Equal("found", await cache.GetOrAddAsync("a", _ => Task.FromResult<string?>("found"), CancellationToken.None, keep: value => value is not null));
    }

    [Fact]
    public async Task Concurrent_misses_of_one_key_share_one_load()
    {
        var cache = new ExpiringCache<string, int>(TimeSpan.FromMinutes(1), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;

        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetOrAddAsync("a", _ => { Interlocked.Increment(ref loads); return release.Task; }, CancellationToken.None)).ToList();
        release.SetResult(7);

        Assert.All(await Task.WhenAll(callers), value => Assert.Equal(7, value));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_full_cache_evicts_its_least_recently_used_entry_instead_of_starting_over()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ExpiringCache<int, int>(TimeSpan.FromMinutes(10), clock, capacity: 20);
        for (var i = 0; i < 20; i++)
        {
            cache.Set(i, i);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        cache.Set(99, 99); // not kept while full; makes room in the background
        for (var wait = 0; wait < 100 && !cache.TryGet(99, out _); wait++)
        {
            await Task.Delay(50);
            cache.Set(99, 99);
        }

        Assert.False(cache.TryGet(0, out _));
        Assert.All(Enumerable.Range(1, 19), i => Assert.True(cache.TryGet(i, out _)));
        Assert.True(cache.TryGet(99, out _));
    }
}
