using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Portal;

/// <summary>A sign-in link, <c>portallink|{sha256 of the token}</c> in the <c>portal</c> partition.</summary>
public sealed class PortalLinkEntity : ITableEntity
{
    public const string Kind = "portallink";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SessionId { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public string Mode { get; set; } = "";
    public bool Embedded { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public bool Used { get; set; }
}
