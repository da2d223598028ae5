using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// One delivery attempt, <c>attempt|evt_…|we_…|a01</c> (scheduled) or <c>…|m001</c> (manual redelivery), in the
/// event's scope, so an event's attempts are one range read and a duplicate attempt is an insert conflict.
/// </summary>
public sealed class WebhookAttemptEntity : ITableEntity
{
    public const string Kind = "attempt";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EventId { get; set; } = "";
    public string EndpointId { get; set; } = "";
    public int Number { get; set; }
    public bool Manual { get; set; }
    public DateTimeOffset Started { get; set; }
    public int? StatusCode { get; set; }
    public long DurationMs { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
}
