using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>The API representation of an OAuth client. <see cref="ClientSecret"/> appears only when the client is registered.</summary>
[Description("A partner's OAuth 2.0 client of the merchant in one mode. It obtains access tokens at `POST /oauth/token` with the client credentials grant. Never carries its secret except in the response that registers it. Members that are null are omitted.")]
[Example("""
{
  "id": "cli_01hzx3k8j4q2v7n5t9b6c1d0ef",
  "object": "oauth_client",
  "client_id": "cli_01hzx3k8j4q2v7n5t9b6c1d0ef",
  "name": "Accounting partner",
  "scopes": ["payments:read", "ledger:read"],
  "created": 1717171717,
  "livemode": false
}
""")]
public sealed record OAuthClientView(
    [Description("Unique identifier, prefixed `cli_`."), RegularExpression("^cli_")]
    string Id,
    [Description("The object's type: always `oauth_client`."), AllowedValues("oauth_client")]
    string Object,
    [Description("The `client_id` of the token request: the same as `id`.")]
    string ClientId,
    [Description("What the client is for.")]
    string Name,
    [Description("What the client's tokens may do, e.g. `payments:write`.")]
    IReadOnlyList<string> Scopes,
    [Description("The SHA-256 (hex) of the certificate the client must present; absent for a client without one.")]
    string? CertificateThumbprint,
    [Description("When the client was registered, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode, `false` for sandbox.")]
    bool Livemode,
    [Description("The client secret. Present only in the response that registers the client; store it now: it cannot be read again."), Example("cs_test_4eC39HqLyjWDarjtT1zdp7dcXyZ12345")]
    string? ClientSecret = null)
{
    public static OAuthClientView From(OAuthClientRecord client, string? secret = null) => new(
        client.ClientId, "oauth_client", client.ClientId, client.Name, client.Scopes,
        client.CertificateThumbprint is { } thumbprint ? Protection.CertificateThumbprint.Base64UrlToHex(thumbprint) : null,
        client.Created.ToUnixTimeSeconds(), client.Mode == Mode.Live, secret);

    // The registration response carries the secret.
    public override string ToString() => $"{nameof(OAuthClientView)} {{ {Id} }}";
}

[Description("The answer to revoking an OAuth client.")]
public sealed record RevokedOAuthClientView(
    [Description("The revoked client's id."), RegularExpression("^cli_")]
    string Id,
    [Description("The object's type: always `oauth_client`."), AllowedValues("oauth_client")]
    string Object,
    [Description("Always `true`: the client can no longer get tokens, and its tokens stop working at once on the instance that revoked it and within 60 s on every other."), AllowedValues(true)]
    bool Deleted);
