using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// Turns a bearer access token into a <see cref="Caller"/>: a restricted caller with exactly the token's scopes, named by
/// its client id in logs and the audit trail. Beyond the signature, a token works only while its client is registered
/// (a revoked client's tokens stop within the client cache's lifetime, as revoked keys do) and, when it is bound to a
/// certificate, only over a connection presenting that certificate.
/// </summary>
public sealed class AccessTokenAuthentication(AccessTokens tokens, IOAuthClientDirectory clients)
{
    /// <summary>A JWT is three base64url parts; no API key contains a dot.</summary>
    public static bool LooksLikeToken(string presented) => presented.Count(character => character == '.') == 2;

    /// <param name="certificateThumbprint">The <c>x5t#S256</c> of the client certificate on this request, if any.</param>
    public async Task<Result<Caller>> AuthenticateAsync(string token, string? certificateThumbprint, CancellationToken cancellationToken)
    {
        var validated = await tokens.ValidateAsync(token, cancellationToken);
        if (!validated.IsSuccess) return validated.Error!;
        var claims = validated.Value!;

        var client = await clients.FindAsync(claims.ClientId, cancellationToken);
        if (client is null || client.MerchantId != claims.MerchantId || client.Mode != claims.Mode)
        {
            return Errors.Unauthenticated("The access token's client has been revoked.");
        }
        if (claims.CertificateThumbprint is { } bound && !ConstantTime.AreEqual(bound, certificateThumbprint))
        {
            return Errors.Unauthenticated("This access token is bound to a client certificate; send it over a TLS connection presenting that certificate.");
        }
        return new Caller.Merchant(claims.MerchantId, claims.ClientId, ApiKeyKind.Restricted, claims.Mode)
        {
            Permissions = OAuthScopes.ToPermissions(claims.Scopes),
        };
    }
}
