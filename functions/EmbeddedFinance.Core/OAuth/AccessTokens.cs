using System.Buffers.Text;
using System.Text.Json;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// Signs and checks access tokens: JWTs in the RFC 9068 profile (<c>typ: at+jwt</c>; <c>iss</c>, <c>aud</c>, <c>sub</c>,
/// <c>client_id</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>, <c>scope</c>) signed with ES256, plus the merchant and mode the
/// client acts for and, when bound, <c>cnf.x5t#S256</c>. Checking pins the algorithm, type, issuer, audience and lifetime
/// and needs no storage: the keys come from the secret store's cache.
/// </summary>
public sealed class AccessTokens(SigningKeys keys, IOptions<OAuthOptions> options, TimeProvider clock)
{
    public const string TokenType = "at+jwt";
    private const string MerchantClaim = "merchant";
    private const string LivemodeClaim = "livemode";
    private const string ConfirmationClaim = "cnf";
    private const string CertificateConfirmation = "x5t#S256";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(OAuthClientRecord client, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var signer = (await keys.CurrentAsync(cancellationToken)).SignerAt(now);
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = client.ClientId,
            ["client_id"] = client.ClientId,
            [JwtRegisteredClaimNames.Jti] = PrefixedId.New("tok", clock),
            ["scope"] = OAuthScopes.Join(scopes),
            [MerchantClaim] = client.MerchantId,
            [LivemodeClaim] = client.Mode == Mode.Live,
        };
        if (client.CertificateThumbprint is { } thumbprint)
        {
            claims[ConfirmationClaim] = new Dictionary<string, object> { [CertificateConfirmation] = thumbprint };
        }
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.EffectiveAudience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + OAuthOptions.TokenLifetime).UtcDateTime,
            TokenType = TokenType,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signer.SecurityKey, SigningKey.Algorithm),
        });
    }

    /// <summary>The token's claims, or why it is refused (in words safe to show the caller: never the token).</summary>
    public async Task<Result<AccessTokenClaims>> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var set = await keys.CurrentAsync(cancellationToken);
        var settings = options.Value;
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.EffectiveAudience,
            ValidAlgorithms = [SigningKey.Algorithm],
            ValidTypes = [TokenType],
            IssuerSigningKeys = set.Keys.Select(key => key.SecurityKey),
            // The kid must name one of the keys: never try every key on a token that names none or another.
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,
            // The library's own lifetime check reads the system clock; this one reads the platform's, which tests move.
            LifetimeValidator = (notBefore, expires, _, _) => IsAlive(notBefore, expires, settings.ClockSkew),
        });
        if (!result.IsValid)
        {
            return Errors.Unauthenticated(result.Exception is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
                ? "The access token has expired; request a new one from the token endpoint."
                : "The access token is not valid.");
        }
        return Read((JsonWebToken)result.SecurityToken) is { } claims ? claims : Errors.Unauthenticated("The access token is not valid.");
    }

    private bool IsAlive(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + skew && (notBefore is not { } start || now >= start - skew);
    }

    /// <summary>The platform's own claims, read from the verified payload; null when one is missing (a token this code never signs).</summary>
    private static AccessTokenClaims? Read(JsonWebToken token)
    {
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.EncodedPayload));
        var root = payload.RootElement;
        if (!TryString(root, "client_id", out var clientId) || !TryString(root, MerchantClaim, out var merchantId) || !TryString(root, "scope", out var scope)) return null;
        if (!root.TryGetProperty(LivemodeClaim, out var livemode) || livemode.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return null;
        string? thumbprint = null;
        if (root.TryGetProperty(ConfirmationClaim, out var confirmation))
        {
            if (confirmation.ValueKind != JsonValueKind.Object || !TryString(confirmation, CertificateConfirmation, out thumbprint)) return null;
        }
        var scopes = OAuthScopes.Split(scope);
        if (scopes.Any(named => !OAuthScopes.TryParse(named, out _))) return null;
        return new AccessTokenClaims(clientId, merchantId, livemode.GetBoolean() ? Mode.Live : Mode.Test, scopes, thumbprint);
    }

    private static bool TryString(JsonElement element, string name, out string value)
    {
        value = "";
        if (!element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String) return false;
        value = property.GetString()!;
        return value.Length > 0;
    }
}
