using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Access;

/// <summary>
/// Key look-ups by hash: a point read of the key's index row, with the answer cached for
/// <see cref="ApiKeyOptions.CacheLifetime"/> (at most a minute) so that storage is not read on every request. Found keys
/// and unknown keys are cached apart: unknown ones in a small bounded cache, so a flood of made-up keys can neither
/// cost a read each (one per key per lifetime) nor push real keys out. Caching an unknown key cannot hide a new key:
/// a key is random, so nobody presents it before it exists. A revoked or rolled-out key stops working here at once
/// (<see cref="Forget"/>) and on every other instance within the lifetime.
/// </summary>
public sealed class TableApiKeyDirectory : IApiKeyDirectory
{
    private readonly StateTable table;
    private readonly ExpiringCache<string, ApiKeyRecord?> found;
    private readonly ExpiringCache<string, bool> unknown;

    public TableApiKeyDirectory(StateTable table, TimeProvider clock, IOptions<ApiKeyOptions> options)
    {
        this.table = table;
        found = new(options.Value.CacheLifetime, clock);
        unknown = new(options.Value.CacheLifetime, clock, options.Value.UnknownKeyCapacity);
    }

    public async Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        if (unknown.TryGet(hash, out _)) return null;
        return await found.GetOrAddAsync(hash, token => ReadAsync(hash, token), cancellationToken, keep: record => record is not null);
    }

    /// <summary>Drops what this instance remembers of a key that was just changed.</summary>
    public void Forget(string hash) => found.Remove(hash);

    /// <summary>Runs once for all callers missing the hash at once; remembers an unknown key before they are let go, so none reads again.</summary>
    private async Task<ApiKeyRecord?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        // A caller that missed the unknown-key cache just before another's read finished gets here after it: no second read.
        if (unknown.TryGet(hash, out _)) return null;
        var row = await table.Client.GetEntityIfExistsAsync<ApiKeyEntity>(
            ApiKeyRows.IndexPartition(hash), StateTable.RowKey(ApiKeyEntity.Kind, hash), cancellationToken: cancellationToken);
        if (row.HasValue) return ApiKeyRows.ToRecord(row.Value!);
        unknown.Set(hash, true);
        return null;
    }
}
