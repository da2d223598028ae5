using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace EmbeddedFinance.Core.Common;

/// <summary>
/// A bounded in-process cache (a <see cref="MemoryCache"/> of at most <c>capacity</c> entries) whose entries expire a fixed
/// time after they were set, on the given clock (<see cref="Timeout.InfiniteTimeSpan"/>: never). When full it compacts
/// away its least recently used entries, not all of them. Concurrent misses of one key in <see cref="GetOrAddAsync"/>
/// share one load, so an entry that everyone reads is loaded once when it expires, not once per caller.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeSpan ttl, TimeProvider clock, int capacity = 10_000) where TKey : notnull
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = capacity, Clock = new ProviderClock(clock) });
    private readonly MemoryCacheEntryOptions entry = new() { Size = 1, AbsoluteExpirationRelativeToNow = ttl == Timeout.InfiniteTimeSpan ? null : ttl };
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> loading = new();

    public bool TryGet(TKey key, out TValue value) => entries.TryGetValue(key, out value!);

    /// <summary>Remembers the value; when the cache is full, it is not kept until room has been made.</summary>
    public void Set(TKey key, TValue value) => entries.Set(key, value, entry);

    /// <summary>Drops the entry, so the next read loads it again.</summary>
    public void Remove(TKey key) => entries.Remove(key);

    /// <summary>Drops every entry whose key matches, so the next read loads it again.</summary>
    public void RemoveWhere(Func<TKey, bool> match)
    {
        foreach (var key in entries.Keys) if (key is TKey typed && match(typed)) entries.Remove(key);
    }

    /// <summary>
    /// The cached value, or the loaded one, remembered when <paramref name="keep"/> says so (default: always). The load runs
    /// once for all callers missing the key at the same time, so it is not cancelled with any one of them: each caller
    /// stops waiting on its own <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task<TValue> GetOrAddAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken, Func<TValue, bool>? keep = null)
    {
        if (TryGet(key, out var cached)) return cached;
        var shared = loading.GetOrAdd(key, _ => new Lazy<Task<TValue>>(() => LoadAsync(key, load, keep)));
        return await shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<TValue> LoadAsync(TKey key, Func<CancellationToken, Task<TValue>> load, Func<TValue, bool>? keep)
    {
        try
        {
            var value = await load(CancellationToken.None);
            if (keep?.Invoke(value) ?? true) Set(key, value);
            return value;
        }
        finally
        {
            loading.TryRemove(key, out _);
        }
    }

    private sealed class ProviderClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
