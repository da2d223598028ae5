using System.ComponentModel;

namespace EmbeddedFinance.Core.OAuth;

[Description("The authorization server's metadata (RFC 8414): where to get tokens and keys, and what the server supports.")]
public sealed record AuthorizationServerMetadata(
    [Description("The `iss` of every token.")]
    string Issuer,
    [Description("Where clients get tokens: `POST` with the client credentials grant.")]
    string TokenEndpoint,
    [Description("The public signing keys.")]
    string JwksUri,
    IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> ScopesSupported,
    IReadOnlyList<string> ResponseTypesSupported,
    [Description("Always `true`: clients registered with a certificate get certificate-bound tokens (RFC 8705).")]
    bool TlsClientCertificateBoundAccessTokens)
{
    public static AuthorizationServerMetadata Of(OAuthOptions options)
    {
        var issuer = options.Issuer;
        return new(issuer, issuer + "/oauth/token", issuer + "/.well-known/jwks.json", [ClientCredentialsRequest.GrantType],
            ["client_secret_basic", "client_secret_post"], OAuthScopes.All, [], true);
    }
}
