using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Audit;

/// <summary>
/// Audit row: partition is the caller's scope, row key its place in the partition's hash chain
/// (<see cref="AuditRows.Chained"/>), so that the chain reads in order; the entry's own id is <see cref="EntryId"/>.
/// </summary>
public sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EntryId { get; set; } = "";
    public string KeyId { get; set; } = "";
    public string Action { get; set; } = "";
    public int Status { get; set; }
    public string? ErrorCode { get; set; }
    public bool Replayed { get; set; }
    public string RequestId { get; set; } = "";
    public DateTimeOffset At { get; set; }

    public long Sequence { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    public string KeyVersion { get; set; } = "";
}
