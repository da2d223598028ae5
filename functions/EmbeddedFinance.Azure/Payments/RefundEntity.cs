using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Payments;

public sealed class RefundEntity : ITableEntity
{
    public const string Kind = "refund";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PaymentId { get; set; } = "";
    public long Amount { get; set; }
    public string Currency { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public bool RefundApplicationFee { get; set; }

    /// <summary>What each party of the payment gave back of this refund.</summary>
    public string SharesJson { get; set; } = "[]";
}
