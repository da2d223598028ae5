using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// The manual redeliveries of one event to one endpoint within the last hour, <c>redelivery|evt_…|we_…</c> in the
/// event's scope: one small row per pair, rewritten under its ETag, never more times than the bound allows.
/// </summary>
public sealed class RedeliveryWindowEntity : ITableEntity
{
    public const string Kind = "redelivery";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Unix milliseconds, comma-separated, oldest first.</summary>
    public string Times { get; set; } = "";
}
