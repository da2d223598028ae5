using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Where a merchant receives events. Its signing secrets live in the secret store; the endpoint names their
/// versions: the current one, and during a rotation's overlap the previous one until it expires.
/// <see cref="FailingSince"/> is the first failed attempt of the current run of failures (null while healthy).
/// </summary>
public sealed record WebhookEndpoint(
    string Id,
    string Scope,
    Mode Mode,
    Uri Url,
    IReadOnlyList<string> EnabledEvents,
    string? Description,
    WebhookEndpointStatus Status,
    DateTimeOffset Created,
    string SecretVersion,
    string? PreviousSecretVersion,
    DateTimeOffset? PreviousSecretExpires,
    DateTimeOffset? FailingSince,
    string Version)
{
    public const string AllEvents = "*";

    /// <summary>The API version every event it receives is rendered in.</summary>
    public string ApiVersion { get; init; } = ApiVersions.First;

    public bool IsEnabled => Status == WebhookEndpointStatus.Enabled;

    public bool Subscribes(string eventType) => EnabledEvents.Contains(AllEvents) || EnabledEvents.Contains(eventType);

    /// <summary>The secret versions that sign a delivery now: the current one first, then the previous one while it has not expired.</summary>
    public IReadOnlyList<string> SigningSecretVersions(DateTimeOffset now) =>
        PreviousSecretVersion is not null && PreviousSecretExpires > now ? [SecretVersion, PreviousSecretVersion] : [SecretVersion];
}

public enum WebhookEndpointStatus
{
    Enabled,
    Disabled,
}
