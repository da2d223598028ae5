using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Onboarding;

/// <summary>A live access request, in the merchant's test scope; its index row in the platform partition holds only <see cref="Scope"/>.</summary>
public sealed class LiveAccessRequestEntity : ITableEntity
{
    public const string Kind = "live_access_request";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string MerchantId { get; set; } = "";
    public string Status { get; set; } = "";
    public string LegalName { get; set; } = "";
    public string Country { get; set; } = "";
    public string Website { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset? KeysRevealedAt { get; set; }
    public string? LiveSecretKeyId { get; set; }
    public string? LivePublishableKeyId { get; set; }

    /// <summary>On the index row only: the scope the request lives in.</summary>
    public string? Scope { get; set; }
}
