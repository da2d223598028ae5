using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Azure.Access;

/// <summary>
/// Key look-ups by hash: a point read on the platform partition, with found keys cached for a minute so that
/// the partition is not read on every request (and read once, not per request, when the minute is up). Unknown keys are never cached: a new key works at once. (When
/// keys can be revoked, a revocation takes effect within that minute.)
/// </summary>
public sealed class TableApiKeyDirectory(StateTable table, TimeProvider clock) : IApiKeyDirectory
{
    private readonly ExpiringCache<string, ApiKeyRecord?> found = new(TimeSpan.FromMinutes(1), clock);

    public Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        found.GetOrAddAsync(hash, token => ReadAsync(hash, token), cancellationToken, keep: record => record is not null);

    private async Task<ApiKeyRecord?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        var row = await table.Client.GetEntityIfExistsAsync<ApiKeyEntity>(
            PlatformPartition.Key, StateTable.RowKey(ApiKeyEntity.Kind, hash), cancellationToken: cancellationToken);
        return row.HasValue ? ApiKeyRows.ToRecord(row.Value!, hash) : null;
    }
}
