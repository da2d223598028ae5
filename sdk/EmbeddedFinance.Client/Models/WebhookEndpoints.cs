namespace EmbeddedFinance.Client;

/// <summary>Where the platform delivers a merchant's events.</summary>
public sealed record WebhookEndpoint : IHasId
{
    /// <summary><c>we_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The receiver's URL.</summary>
    public string Url { get; init; } = "";
    /// <summary>Event types delivered, or <c>*</c>.</summary>
    public IReadOnlyList<string> EnabledEvents { get; init; } = [];
    /// <summary>The merchant's note.</summary>
    public string? Description { get; init; }
    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public string Status { get; init; } = "";
    /// <summary>The API version events are rendered in.</summary>
    public string ApiVersion { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the endpoint is live.</summary>
    public bool Livemode { get; init; }
    /// <summary>The signing secret <c>whsec_…</c> of an <c>hmac-sha256</c> endpoint: only in the answer that created it.</summary>
    public string? Secret { get; init; }
    /// <summary>How deliveries are signed: <c>hmac-sha256</c> (<c>v1</c>) or <c>ed25519</c> (<c>v1a</c>); see <see cref="WebhookSigning"/>.</summary>
    public string Signing { get; init; } = WebhookSigning.HmacSha256;
    /// <summary>The public key <c>whpk_…</c> of an <c>ed25519</c> endpoint, which verifies its deliveries; only in the answer that created it.</summary>
    public string? PublicKey { get; init; }
    /// <summary><c>full</c> or <c>thin</c> (<c>data.object</c> cut down to <c>{id, object}</c>); see <see cref="WebhookPayloads"/>.</summary>
    public string Payload { get; init; } = WebhookPayloads.Full;
    /// <summary>At most this many deliveries per second, or null for no limit.</summary>
    public double? ThrottleRate { get; init; }
    /// <summary>Why the platform disabled it: <c>gone</c> (it answered 410) or <c>failing</c> (5 days of failures); null while enabled or when disabled by the merchant.</summary>
    public string? DisabledReason { get; init; }
}

/// <summary>The values of <see cref="WebhookEndpoint.Signing"/>.</summary>
public static class WebhookSigning
{
    /// <summary>HMAC-SHA256 with a <c>whsec_</c> secret: signatures <c>v1,…</c> (the default).</summary>
    public const string HmacSha256 = "hmac-sha256";
    /// <summary>Ed25519, verified with a <c>whpk_</c> public key: signatures <c>v1a,…</c>; the private key never leaves the platform.</summary>
    public const string Ed25519 = "ed25519";
}

/// <summary>The values of <see cref="WebhookEndpoint.Payload"/>.</summary>
public static class WebhookPayloads
{
    /// <summary>The event's object as the API renders it (the default).</summary>
    public const string Full = "full";
    /// <summary>Only <c>{id, object}</c> of the event's object: fetch the rest with <c>GET /v1/events/{id}</c> (see <see cref="Event.IsThin"/>).</summary>
    public const string Thin = "thin";
}

/// <summary>The body of <c>POST /v1/webhook_endpoints</c>.</summary>
public sealed record CreateWebhookEndpointRequest
{
    /// <summary>The receiver's URL (public https in live mode).</summary>
    public required string Url { get; init; }
    /// <summary>Event types, or <c>["*"]</c> for all.</summary>
    public required IReadOnlyList<string> EnabledEvents { get; init; }
    /// <summary>Up to 500 characters.</summary>
    public string? Description { get; init; }
    /// <summary>The API version events are rendered in (default: the merchant's).</summary>
    public string? ApiVersion { get; init; }
    /// <summary>How deliveries are signed, fixed at creation: <see cref="WebhookSigning.HmacSha256"/> (default) or <see cref="WebhookSigning.Ed25519"/>.</summary>
    public string? Signing { get; init; }
    /// <summary><see cref="WebhookPayloads.Full"/> (default) or <see cref="WebhookPayloads.Thin"/>.</summary>
    public string? Payload { get; init; }
    /// <summary>At most this many deliveries per second, 0.1 to 1000 (default: no limit).</summary>
    public double? ThrottleRate { get; init; }
}

/// <summary>The body of <c>PATCH /v1/webhook_endpoints/{id}</c>.</summary>
public sealed record UpdateWebhookEndpointRequest
{
    /// <summary>A new URL.</summary>
    public string? Url { get; init; }
    /// <summary>New event types.</summary>
    public IReadOnlyList<string>? EnabledEvents { get; init; }
    /// <summary>A new note.</summary>
    public string? Description { get; init; }
    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public string? Status { get; init; }
    /// <summary>A new API version for its events.</summary>
    public string? ApiVersion { get; init; }
    /// <summary><see cref="WebhookPayloads.Full"/> or <see cref="WebhookPayloads.Thin"/>.</summary>
    public string? Payload { get; init; }
    /// <summary>A new limit of deliveries per second, 0.1 to 1000; 0 removes it.</summary>
    public double? ThrottleRate { get; init; }
}

/// <summary>The answer of rotating an endpoint's secret.</summary>
public sealed record WebhookEndpointSecret
{
    /// <summary>The endpoint.</summary>
    public string Endpoint { get; init; } = "";
    /// <summary>The new secret, <c>whsec_…</c>, of an <c>hmac-sha256</c> endpoint, shown once; null for an <c>ed25519</c> one.</summary>
    public string? Secret { get; init; }
    /// <summary>The new public key, <c>whpk_…</c>, of an <c>ed25519</c> endpoint; null for an <c>hmac-sha256</c> one.</summary>
    public string? PublicKey { get; init; }
    /// <summary>Until when the previous secret also signs (Unix seconds).</summary>
    public long? PreviousSecretExpiresAt { get; init; }
}

/// <summary>One attempt to deliver an event to an endpoint.</summary>
public sealed record WebhookAttempt
{
    /// <summary>The endpoint.</summary>
    public string Endpoint { get; init; } = "";
    /// <summary>The event.</summary>
    public string Event { get; init; } = "";
    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; init; }
    /// <summary><c>succeeded</c>, <c>retrying</c> or <c>failed</c>.</summary>
    public string Status { get; init; } = "";
    /// <summary>The receiver's HTTP status, when it answered.</summary>
    public int? StatusCode { get; init; }
    /// <summary>How long the attempt took.</summary>
    public long DurationMs { get; init; }
    /// <summary><c>timeout</c>, <c>connection_failed</c>, <c>address_not_allowed</c>, <c>unexpected_status</c>.</summary>
    public string? Error { get; init; }
    /// <summary>When the next attempt is due (Unix seconds).</summary>
    public long? NextAttemptAt { get; init; }
    /// <summary>Whether a redelivery asked for it.</summary>
    public bool Manual { get; init; }
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
}

/// <summary>The answer of <c>POST /v1/events/{id}/redeliver</c>.</summary>
public sealed record EventRedelivery
{
    /// <summary>The event.</summary>
    public string Event { get; init; } = "";
    /// <summary>The endpoints it goes to again.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];
}

/// <summary>The body of <c>POST /v1/events/{id}/redeliver</c>.</summary>
public sealed record RedeliverEventRequest
{
    /// <summary>One endpoint (default: every subscribed one).</summary>
    public string? Endpoint { get; init; }
}

/// <summary>The body of <c>POST /v1/webhook_endpoints/{id}/rotate_secret</c>.</summary>
public sealed record RotateWebhookSecretRequest
{
    /// <summary>How long the old secret keeps signing (default 86400).</summary>
    public long? ExpirePreviousInSeconds { get; init; }
}

/// <summary>The body of <c>POST /v1/webhook_endpoints/{id}/recover</c>: the period whose failed events are sent again.</summary>
public sealed record RecoverWebhookEndpointRequest
{
    /// <summary>The start of the period, Unix seconds.</summary>
    public required long Since { get; init; }
    /// <summary>The end of the period, Unix seconds, inclusive (default now).</summary>
    public long? Until { get; init; }
}

/// <summary>The answer of <c>POST /v1/webhook_endpoints/{id}/recover</c>.</summary>
public sealed record WebhookRecovery
{
    /// <summary>The endpoint the events go to again.</summary>
    public string Endpoint { get; init; } = "";
    /// <summary>How many events of the period whose latest attempt had failed were queued for one attempt now (same <c>webhook-id</c>).</summary>
    public int Events { get; init; }
}
