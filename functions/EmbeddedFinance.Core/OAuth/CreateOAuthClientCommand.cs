namespace EmbeddedFinance.Core.OAuth;

/// <param name="CertificateThumbprint">The certificate's SHA-256 in the <c>x5t#S256</c> form, or null for a client without one.</param>
public sealed record CreateOAuthClientCommand(string Name, IReadOnlyList<string> Scopes, string? CertificateThumbprint);
