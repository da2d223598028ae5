namespace EmbeddedFinance.Core.Common;

/// <summary>
/// Look-ups of credentials (API keys by hash, OAuth clients by id) cached for a lifetime, found and unknown ones apart:
/// unknown ones in a small bounded cache, so a flood of made-up credentials can neither cost a read each (one per
/// credential per lifetime) nor push real ones out. Callers missing the same key at once share one read, and a caller
/// that missed the unknown cache just before another's read finished finds it there: no second read.
/// </summary>
public sealed class FoundOrUnknownCache<TValue>(TimeSpan lifetime, int unknownCapacity, TimeProvider clock) where TValue : class
{
    private readonly ExpiringCache<string, TValue?> found = new(lifetime, clock);
    private readonly ExpiringCache<string, bool> unknown = new(lifetime, clock, unknownCapacity);

    /// <param name="read">The storage read; null when the credential does not exist.</param>
    public async Task<TValue?> FindAsync(string key, Func<CancellationToken, Task<TValue?>> read, CancellationToken cancellationToken)
    {
        if (unknown.TryGet(key, out _)) return null;
        return await found.GetOrAddAsync(key, async token =>
        {
            if (unknown.TryGet(key, out _)) return null;
            var value = await read(token);
            if (value is null) unknown.Set(key, true);
            return value;
        }, cancellationToken, keep: value => value is not null);
    }

    /// <summary>Drops what is remembered of a credential that was just changed or revoked.</summary>
    public void Forget(string key) => found.Remove(key);

    /// <summary>Drops an "unknown" answer for a credential that was just created.</summary>
    public void ForgetUnknown(string key) => unknown.Remove(key);
}
