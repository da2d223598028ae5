using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Payouts;

public sealed class PayoutEntity : ITableEntity
{
    public const string Kind = "payout";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Mode { get; set; } = "";
    public string Account { get; set; } = "";
    public long Amount { get; set; }
    public long Fee { get; set; }
    public string Currency { get; set; } = "";
    public string Method { get; set; } = "";
    public string Status { get; set; } = "";
    public string DestinationLast4 { get; set; } = "";
    public string? Description { get; set; }
    public string? RailReference { get; set; }
    public string? FailureCode { get; set; }
    public string? FailureMessage { get; set; }
    public DateTimeOffset Created { get; set; }

    // Automatic payouts only: the schedule's period they pay (rows written before schedules have none).
    public string? Period { get; set; }
}
