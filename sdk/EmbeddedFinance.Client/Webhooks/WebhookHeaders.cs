namespace EmbeddedFinance.Client.Webhooks;

/// <summary>The Standard Webhooks headers.</summary>
public static class WebhookHeaders
{
    /// <summary>The event id: the same on every retry; deduplicate on it.</summary>
    public const string Id = "webhook-id";
    /// <summary>When this attempt was sent, Unix seconds.</summary>
    public const string Timestamp = "webhook-timestamp";
    /// <summary>Space-separated signatures: <c>v1,…</c> (HMAC-SHA256) and/or <c>v1a,…</c> (ed25519).</summary>
    public const string Signature = "webhook-signature";
}
