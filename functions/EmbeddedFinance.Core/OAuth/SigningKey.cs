using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// One ES256 (ECDSA P-256) key that signs access tokens from <see cref="ActiveFrom"/> on. Its <see cref="Kid"/> is the
/// RFC 7638 thumbprint of its public key, so a kid can never name two different keys.
/// </summary>
public sealed class SigningKey
{
    private readonly byte[] privateKey;

    private SigningKey(byte[] privateKey, DateTimeOffset activeFrom)
    {
        this.privateKey = privateKey;
        ActiveFrom = activeFrom;
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
        Kid = Base64Url.EncodeToString(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ecdsa)).ComputeJwkThumbprint());
        SecurityKey = new ECDsaSecurityKey(ecdsa) { KeyId = Kid };
    }

    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    public string Kid { get; }

    public DateTimeOffset ActiveFrom { get; }

    public ECDsaSecurityKey SecurityKey { get; }

    public static SigningKey Generate(DateTimeOffset activeFrom)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey(ecdsa.ExportPkcs8PrivateKey(), activeFrom);
    }

    public static SigningKey Import(byte[] pkcs8PrivateKey, DateTimeOffset activeFrom) => new(pkcs8PrivateKey, activeFrom);

    /// <summary>The private key, for the secret store only.</summary>
    public byte[] ExportPrivateKey() => (byte[])privateKey.Clone();

    /// <summary>The public half as a JWK (<c>kty</c>, <c>crv</c>, <c>x</c>, <c>y</c>, <c>kid</c>, <c>use</c>, <c>alg</c>) for the JWKS document.</summary>
    public PublicJwk PublicJwk()
    {
        var parameters = SecurityKey.ECDsa.ExportParameters(includePrivateParameters: false);
        return new PublicJwk("EC", "P-256", Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y), Kid, "sig", "ES256");
    }

    public override string ToString() => $"{nameof(SigningKey)} {{ {Kid} from {ActiveFrom:O} }}";
}
