using System.Security.Cryptography;
using EmbeddedFinance.Core.Protection;

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

    /// <summary>AES-256-GCM under the current version of the key; the version comes back to be stored beside the ciphertext.</summary>
    public async Task<(string Version, byte[] Ciphertext)> SealAsync(string name, byte[] plaintext, byte[] associatedData, CancellationToken cancellationToken)
    {
        var (version, key) = await CurrentAsync(name, cancellationToken);
        return (version, AesGcmSealer.Seal(key, plaintext, associatedData));
    }

    /// <exception cref="CryptographicException">The ciphertext was altered, belongs to other associated data, or its key version is gone.</exception>
    public async Task<byte[]> OpenAsync(string name, string version, byte[] ciphertext, byte[] associatedData, CancellationToken cancellationToken) =>
        AesGcmSealer.Open(await VersionAsync(name, version, cancellationToken), ciphertext, associatedData);

    public static Sensitive Generate() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmSealer.KeySize)));

    private static byte[] Decode(SecretValue secret)
    {
        var key = Convert.FromBase64String(secret.Value.Reveal());
        if (key.Length != AesGcmSealer.KeySize) throw new CryptographicException($"The data key '{secret.Name}' is not {AesGcmSealer.KeySize} bytes.");
        return key;
    }
}
