using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Events;

/// <summary>
/// An event, written twice in the state change's batch: the permanent <c>event|evt_…</c> row, and an
/// <c>outbox|evt_…</c> row that the relay deletes once it has fanned the event out.
/// </summary>
public sealed class EventEntity : ITableEntity
{
    public const string Kind = "event";
    public const string OutboxKind = "outbox";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public string ObjectJson { get; set; } = "";

    /// <summary>On outbox rows: the ledger transaction the same change wrote, which the relay hands to settlement.</summary>
    public string? LedgerTransactionId { get; set; }
}
