using System.Security.Cryptography;

namespace EmbeddedFinance.Core.Protection;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce. Output is nonce ‖ ciphertext ‖ tag. The associated data binds a
/// ciphertext to where it belongs (a row, a token), so one moved elsewhere fails to open.
/// </summary>
public static class AesGcmSealer
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        RequireKey(key);
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    /// <exception cref="CryptographicException">The key, the associated data or the bytes are not the ones sealed.</exception>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        RequireKey(key);
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("The sealed value is too short.");
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plaintext, associatedData);
        return plaintext;
    }

    private static void RequireKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize) throw new CryptographicException($"An AES-256 key has {KeySize} bytes.");
    }
}
