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

    /// <summary>Why the platform disabled it (<see cref="DisabledReasons"/>); null while enabled or when the merchant disabled it.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>Deliveries per second the merchant allows, across every instance (approximately); null: no limit.</summary>
    public double? ThrottleRate { get; init; }

    /// <summary>Until when the receiver asked for no deliveries (<c>429</c>/<c>503</c> with <c>Retry-After</c>); null or past: none asked.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary><c>hmac-sha256</c> (a shared <c>whsec_</c> secret, <c>v1,</c> signatures) or <c>ed25519</c> (a key pair, <c>v1a,</c> signatures).</summary>
    public SigningScheme Signing { get; init; } = SigningScheme.HmacSha256;

    /// <summary><c>full</c> events carry the object; <c>thin</c> ones only its id and type.</summary>
    public PayloadStyle Payload { get; init; } = PayloadStyle.Full;

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

public enum SigningScheme
{
    HmacSha256,
    Ed25519,
}

public enum PayloadStyle
{
    Full,
    Thin,
}

/// <summary>Why the platform disabled an endpoint.</summary>
public static class DisabledReasons
{
    /// <summary>It answered <c>410 Gone</c>: the receiver says it will never take events again.</summary>
    public const string Gone = "gone";

    /// <summary>Every attempt failed for <see cref="WebhookOptions.DisableAfter"/>.</summary>
    public const string Failing = "failing";
}
