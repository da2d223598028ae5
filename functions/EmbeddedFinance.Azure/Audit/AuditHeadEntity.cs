using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Audit;

/// <summary>
/// The last link of a partition's audit chain. Every batch of entries replaces it under its ETag in the same
/// transaction, so two writers can never both extend the same link: the chain cannot fork.
/// </summary>
public sealed class AuditHeadEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = AuditRows.Head;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}
