using System.Security.Cryptography;
using EmbeddedFinance.Core.Protection;
using NSec.Cryptography;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// The asymmetric scheme of Standard Webhooks: the private key (<c>whsk_</c> + base64 of the 32-byte ed25519 seed) stays
/// in the secret store, the receiver holds the public key (<c>whpk_</c> + base64 of the raw 32-byte key), and a
/// signature is <c>v1a,</c> + base64 of the 64-byte ed25519 signature of the same content as <c>v1</c>. .NET has no
/// ed25519 of its own, so NSec (libsodium) signs.
/// </summary>
public static class Ed25519Signing
{
    public const string PrivateKeyPrefix = "whsk_";
    public const string PublicKeyPrefix = "whpk_";
    public const string SignaturePrefix = "v1a,";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    public static Sensitive NewPrivateKey() => new(PrivateKeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public static string PublicKeyOf(Sensitive privateKey)
    {
        using var key = Import(privateKey);
        return PublicKeyPrefix + Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public static string Sign(Sensitive privateKey, ReadOnlySpan<byte> content)
    {
        using var key = Import(privateKey);
        return SignaturePrefix + Convert.ToBase64String(Algorithm.Sign(key, content));
    }

    private static Key Import(Sensitive privateKey)
    {
        var seed = Convert.FromBase64String(privateKey.Reveal()[PrivateKeyPrefix.Length..]);
        try
        {
            return Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
