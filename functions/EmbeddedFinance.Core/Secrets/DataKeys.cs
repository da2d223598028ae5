using System.Security.Cryptography;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Secrets;

/// <summary>Reads 256-bit data keys from the secret store, where they are kept base64-encoded.</summary>
public sealed class DataKeys(ISecretStore secrets)
{
    public async Task<(string Version, byte[] Key)> CurrentAsync(string name, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(name, cancellationToken)
            ?? throw new InvalidOperationException($"The data key '{name}' is not in the secret store.");
        return (secret.Version, Decode(secret));
    }

    public async Task<byte[]> VersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetVersionAsync(name, version, cancellationToken)
            ?? throw new CryptographicException($"Version '{version}' of the data key '{name}' is not in the secret store.");
        return Decode(secret);
    }

    public static Sensitive Generate() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmSealer.KeySize)));

    private static byte[] Decode(SecretValue secret)
    {
        var key = Convert.FromBase64String(secret.Value.Reveal());
        if (key.Length != AesGcmSealer.KeySize) throw new CryptographicException($"The data key '{secret.Name}' is not {AesGcmSealer.KeySize} bytes.");
        return key;
    }
}
