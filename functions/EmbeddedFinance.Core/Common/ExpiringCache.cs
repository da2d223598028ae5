using System.Collections.Concurrent;

namespace EmbeddedFinance.Core.Common;

/// <summary>
/// A small in-process cache whose entries expire after a fixed time (<see cref="Timeout.InfiniteTimeSpan"/>: never). Bounded: when full it starts over, which
/// costs a few extra reads and never serves anything stale beyond the TTL.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeSpan ttl, TimeProvider clock, int capacity = 10_000) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Until)> entries = new();

    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Until > clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (entries.Count >= capacity) entries.Clear();
        entries[key] = (value, ttl == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + ttl);
    }

    /// <summary>Drops every entry whose key matches, so the next read loads it again.</summary>
    public void RemoveWhere(Func<TKey, bool> match)
    {
        foreach (var key in entries.Keys.Where(match)) entries.TryRemove(key, out _);
    }

    public async Task<TValue> GetOrAddAsync(TKey key, Func<Task<TValue>> load)
    {
        if (TryGet(key, out var cached)) return cached;
        var value = await load();
        Set(key, value);
        return value;
    }
}
