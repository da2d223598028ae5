using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// What a valid access token says: the client, the merchant and mode it acts for, its scopes and, for a certificate-bound
/// token, the <c>x5t#S256</c> thumbprint of the certificate that must accompany it (RFC 8705 §3.1).
/// </summary>
public sealed record AccessTokenClaims(string ClientId, string MerchantId, Mode Mode, IReadOnlyList<string> Scopes, string? CertificateThumbprint);
