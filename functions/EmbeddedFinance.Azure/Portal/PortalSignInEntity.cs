using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Portal;

/// <summary>A signed-in portal session, <c>portalsignin|{sha256 of the cookie}</c> in the <c>portal</c> partition.</summary>
public sealed class PortalSignInEntity : ITableEntity
{
    public const string Kind = "portalsignin";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SessionId { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public string Mode { get; set; } = "";
    public bool Embedded { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string CsrfToken { get; set; } = "";
}
