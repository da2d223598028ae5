using System.Security.Cryptography;

namespace EmbeddedFinance.Core.Common;

/// <summary>
/// Prefixed, time-sortable ids (<c>mer_01jx…</c>): 10 Crockford base32 characters of Unix milliseconds
/// followed by 16 random ones, so a row-key range scan lists objects in creation order.
/// </summary>
public static class PrefixedId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int TimeChars = 10;
    private const int RandomChars = 16;

    public static string New(string prefix, TimeProvider clock)
    {
        Span<char> body = stackalloc char[TimeChars + RandomChars];
        var millis = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = TimeChars - 1; i >= 0; i--)
        {
            body[i] = Alphabet[(int)(millis & 31)];
            millis >>= 5;
        }
        Span<byte> random = stackalloc byte[RandomChars];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < RandomChars; i++)
        {
            body[TimeChars + i] = Alphabet[random[i] & 31];
        }
        return $"{prefix}_{body}";
    }

    /// <summary>True when <paramref name="value"/> is shaped like an id this class makes with that prefix.</summary>
    public static bool IsWellFormed(string? value, string prefix)
    {
        if (value is null || value.Length != prefix.Length + 1 + TimeChars + RandomChars) return false;
        if (!value.StartsWith(prefix + "_", StringComparison.Ordinal)) return false;
        foreach (var c in value.AsSpan(prefix.Length + 1))
        {
            if (!Alphabet.Contains(c)) return false;
        }
        return true;
    }
}
