using System.ComponentModel;

namespace EmbeddedFinance.Core.OAuth;

[Description("The public keys that verify access tokens (RFC 7517 JWK Set): every key whose tokens may be alive, and the next one, published before it signs.")]
public sealed record JwksDocument(
    [Description("ES256 public keys, named by `kid` (the RFC 7638 thumbprint).")]
    IReadOnlyList<PublicJwk> Keys);
