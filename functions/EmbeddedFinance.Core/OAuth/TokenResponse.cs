using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.OAuth;

[Description("An access token (RFC 6749 §5.1): a JWT (RFC 9068) to send as `Authorization: Bearer <access_token>` until it expires.")]
[Example("""
{
  "access_token": "eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6ImF0K2p3dCJ9.eyJpc3MiOiIuLi4ifQ.c2lnbmF0dXJl",
  "token_type": "Bearer",
  "expires_in": 900,
  "scope": "payments:write ledger:read"
}
""")]
public sealed record TokenResponse(
    [Description("The token. Certificate-bound tokens (clients registered with a `certificate_thumbprint`) work only over a TLS connection presenting that certificate.")]
    string AccessToken,
    [Description("Always `Bearer`."), AllowedValues("Bearer")]
    string TokenType,
    [Description("Seconds until the token expires: always 900 (15 minutes)."), AllowedValues(900)]
    int ExpiresIn,
    [Description("The scopes granted, space-separated: those asked for, or every scope of the client when none was asked for.")]
    string Scope)
{
    // A token is a credential: a record would print it.
    public override string ToString() => $"{nameof(TokenResponse)} {{ {Scope} }}";
}
