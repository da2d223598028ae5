using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// What the platform keeps of a partner's OAuth client: its id, owner, mode, rights and a SHA-256 of its secret (never the
/// secret). <see cref="CertificateThumbprint"/> is the SHA-256 of the client's certificate in the RFC 8705 <c>x5t#S256</c>
/// form (base64url, not the hex the API shows: stored hex could hold a digit run that looks like a card number).
/// </summary>
public sealed record OAuthClientRecord(
    string ClientId,
    string MerchantId,
    Mode Mode,
    string SecretHash,
    string Name,
    IReadOnlyList<string> Scopes,
    string? CertificateThumbprint,
    DateTimeOffset Created)
{
    public string Scope => MerchantScope.Of(MerchantId, Mode);

    public KeyPermissions Permissions => OAuthScopes.ToPermissions(Scopes);
}
