using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Access;

/// <summary>
/// An API key as stored, never the key itself, in two rows of one shape: the index row
/// (<c>apikey|sha256(key)</c> in a partition picked by the hash, see <see cref="ApiKeyRows"/>) that authentication
/// reads, and the object row (<c>key|key_…</c> in the merchant's scope) that the key routes list and change.
/// </summary>
public sealed class ApiKeyEntity : ITableEntity
{
    /// <summary>The row-key kind of index rows.</summary>
    public const string Kind = "apikey";

    /// <summary>The row-key kind of object rows.</summary>
    public const string ObjectKind = "key";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string KeyId { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public string KeyKind { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public string Hash { get; set; } = "";
    public string? Name { get; set; }

    /// <summary>A restricted key's levels, as <see cref="Core.Access.KeyPermissions.Encode"/> writes them.</summary>
    public string? Permissions { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
    public string? ReplacedBy { get; set; }
}
