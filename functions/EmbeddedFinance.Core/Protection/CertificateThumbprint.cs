using System.Buffers.Text;
using System.Security.Cryptography;

namespace EmbeddedFinance.Core.Protection;

/// <summary>
/// SHA-256 thumbprints of a DER certificate, the only identity a certificate-bound token checks (RFC 8705 §3.1): hex as
/// partners register it (<c>certificate_thumbprint</c>), base64url as the token's <c>cnf.x5t#S256</c> carries it.
/// SHA-1 thumbprints, what portals still show first, are never accepted: a 64-digit rule refuses them.
/// </summary>
public static class CertificateThumbprint
{
    private const int HexLength = SHA256.HashSizeInBytes * 2;

    public static string Sha256Hex(ReadOnlySpan<byte> der) => Convert.ToHexStringLower(SHA256.HashData(der));

    /// <summary>The <c>x5t#S256</c> form: base64url without padding.</summary>
    public static string Sha256Base64Url(ReadOnlySpan<byte> der) => Base64Url.EncodeToString(SHA256.HashData(der));

    /// <summary>
    /// Accepts 64 hex digits in either case, optionally colon-separated (as <c>openssl x509 -fingerprint</c> and the
    /// portals print them), and gives the one form that compares with <see cref="Sha256Hex"/> by plain equality.
    /// </summary>
    public static bool TryNormalizeHex(string? text, out string normalized)
    {
        normalized = "";
        if (text is null) return false;
        var digits = text.Contains(':') ? ColonSeparatedDigits(text) : text;
        if (digits is null || digits.Length != HexLength || !digits.All(char.IsAsciiHexDigit)) return false;
        normalized = digits.ToLowerInvariant();
        return true;
    }

    /// <summary>A hex thumbprint (normalized or not) in the <c>x5t#S256</c> form; throws on anything but 64 hex digits.</summary>
    public static string HexToBase64Url(string hex) =>
        TryNormalizeHex(hex, out var normalized)
            ? Base64Url.EncodeToString(Convert.FromHexString(normalized))
            : throw new FormatException("A SHA-256 thumbprint is 64 hex digits.");

    /// <summary>The hex form of an <c>x5t#S256</c> thumbprint, as a client's view shows the one it registered.</summary>
    public static string Base64UrlToHex(string base64Url) => Convert.ToHexStringLower(Base64Url.DecodeFromChars(base64Url));

    /// <summary>The digits of <c>AB:CD:…</c>, or null unless every group is exactly two digits (a stray or doubled colon is a typo, not a thumbprint).</summary>
    private static string? ColonSeparatedDigits(string text)
    {
        var groups = text.Split(':');
        return groups.All(group => group.Length == 2) ? string.Concat(groups) : null;
    }
}
