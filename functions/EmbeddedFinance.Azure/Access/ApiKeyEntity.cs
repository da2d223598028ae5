using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Access;

/// <summary>An API key as stored: row key <c>apikey|sha256(key)</c>, never the key itself.</summary>
public sealed class ApiKeyEntity : ITableEntity
{
    public const string Kind = "apikey";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string KeyId { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public string KeyKind { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }
}
