using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Azure.Access;

public static class ApiKeyRows
{
    public static ApiKeyEntity ToEntity(ApiKeyRecord key) => new()
    {
        PartitionKey = PlatformPartition.Key,
        RowKey = StateTable.RowKey(ApiKeyEntity.Kind, key.Hash),
        KeyId = key.KeyId,
        MerchantId = key.MerchantId,
        KeyKind = key.Kind.ToString(),
        Mode = key.Mode.ToString(),
        Created = key.Created,
    };

    public static ApiKeyRecord ToRecord(ApiKeyEntity entity, string hash) => new(
        entity.KeyId,
        entity.MerchantId,
        Enum.Parse<ApiKeyKind>(entity.KeyKind),
        Enum.Parse<Mode>(entity.Mode),
        hash,
        entity.Created);
}
