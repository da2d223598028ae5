using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Azure.Access;

/// <summary>
/// Where key rows live. Index rows are spread over 4,096 partitions by the first two characters of the key's hash
/// (base64url), so authentication's point reads never converge on one hot partition; a key's hash is uniform, so
/// the spread is even. Object rows sit in the merchant's scope, beside the merchant's other objects.
/// </summary>
public static class ApiKeyRows
{
    private const string IndexPartitionPrefix = "apikeys:";

    public static string IndexPartition(string hash) => IndexPartitionPrefix + hash[..2];

    public static bool IsIndexPartition(string partitionKey) => partitionKey.StartsWith(IndexPartitionPrefix, StringComparison.Ordinal);

    /// <summary>The index row authentication reads.</summary>
    public static ApiKeyEntity ToEntity(ApiKeyRecord key) => Fill(new ApiKeyEntity
    {
        PartitionKey = IndexPartition(key.Hash),
        RowKey = StateTable.RowKey(ApiKeyEntity.Kind, key.Hash),
    }, key);

    /// <summary>The object row the key routes read.</summary>
    public static ApiKeyEntity ToObjectEntity(ApiKeyRecord key) => Fill(new ApiKeyEntity
    {
        PartitionKey = key.Scope,
        RowKey = StateTable.RowKey(ApiKeyEntity.ObjectKind, key.KeyId),
    }, key);

    public static ApiKeyRecord ToRecord(ApiKeyEntity entity) => new(
        entity.KeyId,
        entity.MerchantId,
        Enum.Parse<ApiKeyKind>(entity.KeyKind),
        Enum.Parse<Mode>(entity.Mode),
        entity.Hash,
        entity.Created,
        entity.Name,
        entity.Permissions is null ? null : KeyPermissions.Decode(entity.Permissions),
        entity.ExpiresAt,
        entity.ReplacedBy);

    private static ApiKeyEntity Fill(ApiKeyEntity entity, ApiKeyRecord key)
    {
        entity.KeyId = key.KeyId;
        entity.MerchantId = key.MerchantId;
        entity.KeyKind = key.Kind.ToString();
        entity.Mode = key.Mode.ToString();
        entity.Created = key.Created;
        entity.Hash = key.Hash;
        entity.Name = key.Name;
        entity.Permissions = key.Permissions?.Encode();
        entity.ExpiresAt = key.ExpiresAt;
        entity.ReplacedBy = key.ReplacedBy;
        return entity;
    }
}
