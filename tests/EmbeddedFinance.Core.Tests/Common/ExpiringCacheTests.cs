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

        await cache.GetOrAddAsync("a", () => Task.FromResult(++loads));
        await cache.GetOrAddAsync("a", () => Task.FromResult(++loads));
        clock.Advance(TimeSpan.FromMinutes(2));
        var reloaded = await cache.GetOrAddAsync("a", () => Task.FromResult(++loads));

        Assert.Equal(2, loads);
        Assert.Equal(2, reloaded);
    }

    [Fact]
    public void A_full_cache_starts_over_instead_of_growing()
    {
        var cache = new ExpiringCache<int, int>(TimeSpan.FromMinutes(1), TimeProvider.System, capacity: 3);
        for (var i = 0; i < 3; i++) cache.Set(i, i);

        cache.Set(99, 99);

        Assert.False(cache.TryGet(0, out _));
        Assert.True(cache.TryGet(99, out _));
    }
}
