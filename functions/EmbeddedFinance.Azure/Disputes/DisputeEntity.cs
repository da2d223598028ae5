using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Disputes;

/// <summary>A dispute (<c>dispute|dp_…</c>) in its merchant scope's partition; what each party gave back and the evidence as JSON.</summary>
public sealed class DisputeEntity : ITableEntity
{
    public const string Kind = "dispute";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Mode { get; set; } = "";
    public string PaymentId { get; set; } = "";
    public long Amount { get; set; }
    public string Currency { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset EvidenceDueBy { get; set; }
    public DateTimeOffset Created { get; set; }
    public string WithdrawnJson { get; set; } = "[]";
    public long Fee { get; set; }

    /// <summary>The merchant's own text (kept like a payment's description), as JSON.</summary>
    public string EvidenceJson { get; set; } = "{}";
    public DateTimeOffset? EvidenceSubmitted { get; set; }
}
