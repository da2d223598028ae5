using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>The body of <c>POST /v1/oauth/clients</c> as sent; <see cref="Validate"/> turns it into a command.</summary>
[Description("The body of `POST /v1/oauth/clients`: a partner's OAuth 2.0 client (client credentials grant). Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateOAuthClientRequest(
    [Description("What the client is for, shown in the list of clients: 1–100 characters after trimming, no control characters."), StringLength(100, MinimumLength = 1), Example("Accounting partner"), Required]
    string? Name,
    [Description("What the client's tokens may do, named like restricted keys' permissions: `<resource>:read` or `<resource>:write` (write implies read), for the resources `payments`, `refunds`, `payouts`, `accounts`, `tokens`, `webhook_endpoints`, `events`, `ledger`, `balance`. At least one; an unknown scope is `400 parameter_invalid` naming `scopes[i]`."), Required, MinLength(1), MaxLength(18)]
    IReadOnlyList<string>? Scopes,
    [Description("The SHA-256 of the client's certificate (DER), as 64 hex digits (colons allowed). When set, the client must connect over mutual TLS with that certificate to get tokens, and its tokens are bound to it (RFC 8705 `cnf.x5t#S256`): refused on any connection not presenting it."), Example("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    string? CertificateThumbprint)
{
    public const int MaxScopes = 18;

    public Result<CreateOAuthClientCommand> Validate()
    {
        var name = CredentialName.Validate(Name);
        if (!name.IsSuccess) return name.Error!;
        if (Scopes is null || Scopes.Count == 0) return Errors.ParameterMissing("scopes");
        if (Scopes.Count > MaxScopes) return Errors.ParameterInvalid("scopes", $"At most {MaxScopes} scopes; every scope is <resource>:read or <resource>:write.");
        for (var i = 0; i < Scopes.Count; i++)
        {
            if (Scopes[i] is not { } scope || !OAuthScopes.TryParse(scope, out _))
            {
                return Errors.ParameterInvalid($"scopes[{i}]", $"Every scope is <resource>:read or <resource>:write, for a resource among {string.Join(", ", ApiResources.All)}.");
            }
        }
        string? thumbprint = null;
        if (CertificateThumbprint is not null)
        {
            if (!Protection.CertificateThumbprint.TryNormalizeHex(CertificateThumbprint, out var hex))
            {
                return Errors.ParameterInvalid("certificate_thumbprint", "certificate_thumbprint must be the certificate's SHA-256: 64 hex digits, e.g. from `openssl x509 -in client.pem -noout -fingerprint -sha256`.");
            }
            thumbprint = Protection.CertificateThumbprint.HexToBase64Url(hex);
        }
        return new CreateOAuthClientCommand(name.Value!, OAuthScopes.Normalize(Scopes), thumbprint);
    }
}
