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
public sealed class TableApiKeyDirectory(StateTable table, TimeProvider clock, IOptions<ApiKeyOptions> options) : IApiKeyDirectory
{
    private readonly FoundOrUnknownCache<ApiKeyRecord> keys = new(options.Value.CacheLifetime, options.Value.UnknownKeyCapacity, clock);

    public Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken) => keys.FindAsync(hash, token => ReadAsync(hash, token), cancellationToken);

    /// <summary>Drops what this instance remembers of a key that was just changed.</summary>
    public void Forget(string hash) => keys.Forget(hash);

    private async Task<ApiKeyRecord?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        var row = await table.Client.GetEntityIfExistsAsync<ApiKeyEntity>(
            ApiKeyRows.IndexPartition(hash), StateTable.RowKey(ApiKeyEntity.Kind, hash), cancellationToken: cancellationToken);
        return row.HasValue ? ApiKeyRows.ToRecord(row.Value!) : null;
    }
}
