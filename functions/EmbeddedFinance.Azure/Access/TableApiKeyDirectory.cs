using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Azure.Access;

public sealed class TableApiKeyDirectory(StateTable table) : IApiKeyDirectory
{
    public async Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<ApiKeyEntity>(
            PlatformPartition.Key, StateTable.RowKey(ApiKeyEntity.Kind, hash), cancellationToken: cancellationToken);
        return found.HasValue ? ApiKeyRows.ToRecord(found.Value!, hash) : null;
    }
}
