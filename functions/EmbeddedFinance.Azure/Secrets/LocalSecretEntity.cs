using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Secrets;

/// <summary>Partition: the secret's name; row key: its version, inverted-time so the newest sorts first.</summary>
public sealed class LocalSecretEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public byte[] Sealed { get; set; } = [];
}
