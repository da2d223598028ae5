using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Risk;

/// <summary>A merchant's rolling amount statistic in one currency: partition <c>{scope}|amounts</c>, row the currency code.</summary>
public sealed class AmountStatisticEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Count { get; set; }
    public double Mean { get; set; }
    public double SquaredDeviations { get; set; }
}
