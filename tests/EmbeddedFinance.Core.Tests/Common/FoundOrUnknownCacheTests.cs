using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Core.Tests.Common;

public sealed class FoundOrUnknownCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
    private int reads;

    private Func<CancellationToken, Task<string?>> Reading(string? value) => async _ =>
    {
        Interlocked.Increment(ref reads);
        await Task.Yield();
        return value;
    };

    [Fact]
    public async Task A_thousand_concurrent_look_ups_of_one_unknown_credential_read_once_until_the_lifetime_passes()
    {
        var cache = new FoundOrUnknownCache<string>(TimeSpan.FromSeconds(60), 10, clock);

        await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => cache.FindAsync("made-up", Reading(null), CancellationToken.None)));
        Assert.Equal(1, reads);

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(await cache.FindAsync("made-up", Reading(null), CancellationToken.None));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_found_credential_is_read_again_only_after_it_is_forgotten_and_a_new_one_after_its_unknown_answer_is_dropped()
    {
        var cache = new FoundOrUnknownCache<string>(TimeSpan.FromSeconds(60), 10, clock);

        Assert.Equal("key", await cache.FindAsync("a", Reading("key"), CancellationToken.None));
        Assert.Equal("key", await cache.FindAsync("a", Reading("other"), CancellationToken.None));
        cache.Forget("a");
        Assert.Equal("other", await cache.FindAsync("a", Reading("other"), CancellationToken.None));

        Assert.Null(await cache.FindAsync("b", Reading(null), CancellationToken.None));
        Assert.Null(await cache.FindAsync("b", Reading("created"), CancellationToken.None));
        cache.ForgetUnknown("b");
        Assert.Equal("created", await cache.FindAsync("b", Reading("created"), CancellationToken.None));
        Assert.Equal(4, reads);
    }
}
