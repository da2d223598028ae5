using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>A webhook endpoint, <c>webhook_endpoint|we_…</c> in its merchant scope. The secrets are in the secret store; only their versions are here.</summary>
public sealed class WebhookEndpointEntity : ITableEntity
{
    public const string Kind = "webhook_endpoint";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The subscribed event types, space-separated (types contain no spaces).</summary>
    public string EnabledEvents { get; set; } = "";

    public string? Description { get; set; }
    public string Status { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public string SecretVersion { get; set; } = "";
    public string? PreviousSecretVersion { get; set; }
    public DateTimeOffset? PreviousSecretExpires { get; set; }
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>The API version its events are rendered in; null on rows written before versions were dates (the first version).</summary>
    public string? ApiVersion { get; set; }

    public string? DisabledReason { get; set; }

    public double? ThrottleRate { get; set; }

    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary><c>HmacSha256</c> or <c>Ed25519</c>; null on rows written before endpoints had a choice (HMAC).</summary>
    public string? Signing { get; set; }

    /// <summary><c>Full</c> or <c>Thin</c>; null on rows written before endpoints had a choice (full).</summary>
    public string? Payload { get; set; }
}
