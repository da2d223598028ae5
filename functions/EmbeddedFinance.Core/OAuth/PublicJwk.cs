using System.Text.Json.Serialization;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>A public signing key as RFC 7517 writes it, in the JWKS document clients verify tokens with.</summary>
public sealed record PublicJwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg);
