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
}
