using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EmbeddedFinance.Core.Protection;

/// <summary>
/// Digests as stored text, in base64url. Not hex: a hex digest often holds a 13–19 digit run that passes the
/// Luhn check, which data-loss scanners (and our own card-number scan) rightly flag as a possible card number.
/// </summary>
public static class Digest
{
    public static string Sha256(string text) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string HmacSha256(byte[] key, string text) => Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
}
