using System.Buffers.Text;
using System.Security.Cryptography;

namespace EmbeddedFinance.Core.Protection;

/// <summary>SHA-256 thumbprints of DER certificates, in hex (as people write them) and in RFC 8705's <c>x5t#S256</c> form.</summary>
public static class CertificateThumbprint
{
    public static string Sha256Hex(ReadOnlySpan<byte> der) => Convert.ToHexStringLower(SHA256.HashData(der));

    public static string Sha256Base64Url(ReadOnlySpan<byte> der) => Base64Url.EncodeToString(SHA256.HashData(der));

    /// <summary>64 hex digits, either case, optionally separated by colons; normalized to lowercase without separators.</summary>
    public static bool TryNormalizeHex(string? text, out string normalized)
    {
        normalized = "";
        if (text is null) return false;
        var digits = text.Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 64 || !digits.All(Uri.IsHexDigit)) return false;
        normalized = digits.ToLowerInvariant();
        return true;
    }

    public static string HexToBase64Url(string hex) => Base64Url.EncodeToString(Convert.FromHexString(hex));

    public static string Base64UrlToHex(string base64Url) => Convert.ToHexStringLower(Base64Url.DecodeFromChars(base64Url));
}
