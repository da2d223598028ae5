using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Audit;

/// <summary>Audit row: partition is the caller's scope, row key the time-sortable entry id.</summary>
public sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string KeyId { get; set; } = "";
    public string Action { get; set; } = "";
    public int Status { get; set; }
    public string? ErrorCode { get; set; }
    public bool Replayed { get; set; }
    public string RequestId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
