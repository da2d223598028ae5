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
    /// <summary>The signing secret <c>whsec_…</c>: only in the answer that created it.</summary>
    public string? Secret { get; init; }
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
}

/// <summary>The answer of rotating an endpoint's secret.</summary>
public sealed record WebhookEndpointSecret
{
    /// <summary>The endpoint.</summary>
    public string Endpoint { get; init; } = "";
    /// <summary>The new secret, <c>whsec_…</c>, shown once.</summary>
    public string Secret { get; init; } = "";
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
