using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Settlement;

/// <summary>A settlement job (<c>job|ltx_…</c>), written in the batch of the transaction it settles; deleted when settled.</summary>
public sealed class SettlementJobEntity : ITableEntity
{
    public const string Kind = "job";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Stage { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public string Currency { get; set; } = "";
    public string Type { get; set; } = "";
    public string Reference { get; set; } = "";
    public string PostingsJson { get; set; } = "";
    public DateTimeOffset Created { get; set; }
}
