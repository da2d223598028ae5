using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Payments;

/// <summary>A payment (<c>payment|pay_…</c>) with a snapshot of its tokenized card; splits and metadata as JSON.</summary>
public sealed class PaymentEntity : ITableEntity
{
    public const string Kind = "payment";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Mode { get; set; } = "";
    public long Amount { get; set; }
    public string Currency { get; set; } = "";
    public string Status { get; set; } = "";
    public bool CaptureOnCreate { get; set; }

    /// <summary>The payment's dispute (<c>dp_…</c>), once disputed; absent before.</summary>
    public string? DisputeId { get; set; }
    public long AmountCaptured { get; set; }
    public long AmountRefunded { get; set; }
    public long ApplicationFeeAmount { get; set; }
    public string SplitsJson { get; set; } = "[]";

    /// <summary>What each party gave back through refunds, in the order of its parties (absent on rows refunded before it was kept).</summary>
    public string? RefundedSharesJson { get; set; }
    public string CardToken { get; set; } = "";
    public string CardBrand { get; set; } = "";
    public string CardLast4 { get; set; } = "";
    public int CardExpMonth { get; set; }
    public int CardExpYear { get; set; }
    public string CardFingerprint { get; set; } = "";
    public string? Description { get; set; }
    public string MetadataJson { get; set; } = "{}";
    public string? FailureCode { get; set; }
    public string? FailureMessage { get; set; }
    public DateTimeOffset Created { get; set; }

    /// <summary>The risk screening (score, level and fired rules, comma-separated); absent when screening was off or on rows from before it.</summary>
    public int? RiskScore { get; set; }
    public string? RiskLevel { get; set; }
    public string? RiskRules { get; set; }
}
