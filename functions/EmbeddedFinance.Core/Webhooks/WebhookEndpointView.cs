namespace EmbeddedFinance.Core.Webhooks;

/// <summary>The API representation of an endpoint. <see cref="Secret"/> appears only when it is created or rotated.</summary>
public sealed record WebhookEndpointView(
    string Id,
    string Object,
    string Url,
    IReadOnlyList<string> EnabledEvents,
    string? Description,
    string Status,
    long Created,
    bool Livemode,
    string? Secret = null)
{
    public static WebhookEndpointView From(WebhookEndpoint endpoint, string? secret = null) => new(
        endpoint.Id, "webhook_endpoint", endpoint.Url.OriginalString, endpoint.EnabledEvents, endpoint.Description,
        StatusName(endpoint.Status), endpoint.Created.ToUnixTimeSeconds(), endpoint.Mode == Common.Mode.Live, secret);

    public static string StatusName(WebhookEndpointStatus status) => status == WebhookEndpointStatus.Enabled ? "enabled" : "disabled";

    // The creation response carries the signing secret.
    public override string ToString() => $"{nameof(WebhookEndpointView)} {{ {Id} }}";
}

/// <summary>The answer to <c>rotate_secret</c>: the new secret, shown once, and when the previous one stops signing.</summary>
public sealed record WebhookSecretView(string Object, string Endpoint, string Secret, long? PreviousSecretExpiresAt)
{
    public override string ToString() => $"{nameof(WebhookSecretView)} {{ {Endpoint} }}";
}
