using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Risk;

/// <summary>
/// One velocity counter of the risk table: partition <c>{scope}|{card|address}|{fingerprint or address digest}</c>, row
/// <c>activity</c>; its time buckets as <c>slot:count</c> text (see <see cref="Core.Risk.ActivitySeries"/>).
/// </summary>
public sealed class ActivityEntity : ITableEntity
{
    public const string Row = "activity";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Attempts { get; set; } = "";
    public string Declines { get; set; } = "";
}
