using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// Index row <c>attemptfailed|we_…|evt_…</c>, in the event's scope: the latest attempt of that event to that endpoint
/// failed (as far as the writer knew). Recovery reads one endpoint's range of them between two event ids instead of
/// every event of the period (ADR 023); it checks the attempts themselves, so a stale row is harmless.
/// </summary>
public sealed class FailedAttemptEntity : ITableEntity
{
    public const string Kind = "attemptfailed";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EventId { get; set; } = "";
}
