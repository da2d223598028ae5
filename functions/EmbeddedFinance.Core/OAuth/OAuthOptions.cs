using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// The authorization server's settings. <see cref="Issuer"/> is the base of the API as clients call it (in Azure the
/// Bicep template sets <c>https://&lt;app&gt;.azurewebsites.net/api</c>); tokens name it and are accepted only for
/// <see cref="Audience"/>.
/// </summary>
public sealed class OAuthOptions : ISelfValidatingOptions
{
    public const string Section = "OAuth";

    /// <summary>RFC 9068 access tokens live 15 minutes (API.md: <c>expires_in: 900</c>).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    public string Issuer { get; set; } = "http://localhost:7071/api";

    /// <summary>The resource server tokens are for; by default the issuer's <c>/v1</c>.</summary>
    public string? Audience { get; set; }

    public string EffectiveAudience => Audience ?? Issuer + "/v1";

    /// <summary>Leeway for clocks between instances when checking a token's times.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old the newest signing key may grow before the daily check replaces it.</summary>
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a new signing key is published before it signs: longer than the secret cache's lifetime
    /// (<c>Secrets:CacheTtl</c>, 5 minutes by default), so every instance knows a key before any token it signed arrives.
    /// </summary>
    public TimeSpan SigningKeyPublishDelay { get; set; } = TimeSpan.FromMinutes(6);

    public string? Problem() =>
        !Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp)
            ? $"{Section}:{nameof(Issuer)} must be an absolute http(s) URL such as https://name.azurewebsites.net/api."
        : Issuer.EndsWith('/') ? $"{Section}:{nameof(Issuer)} must not end with '/'."
        : Audience is { Length: 0 } ? $"{Section}:{nameof(Audience)} must not be empty when set."
        : ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5) ? $"{Section}:{nameof(ClockSkew)} must be between 00:00:00 and 00:05:00."
        : SigningKeyRotation < TimeSpan.FromDays(1) ? $"{Section}:{nameof(SigningKeyRotation)} must be at least one day."
        : SigningKeyPublishDelay < TimeSpan.Zero || SigningKeyPublishDelay > TimeSpan.FromHours(2) ? $"{Section}:{nameof(SigningKeyPublishDelay)} must be between 00:00:00 and 02:00:00."
        : null;
}
