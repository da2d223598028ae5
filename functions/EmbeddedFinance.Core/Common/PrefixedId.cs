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
        WriteTime(body, clock.GetUtcNow());
        Span<byte> random = stackalloc byte[RandomChars];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < RandomChars; i++)
        {
            body[TimeChars + i] = Alphabet[random[i] & 31];
        }
        return $"{prefix}_{body}";
    }

    /// <summary>The smallest id of the millisecond of <paramref name="at"/>: a cursor from which a range lists what was made since.</summary>
    public static string Earliest(string prefix, DateTimeOffset at)
    {
        Span<char> body = stackalloc char[TimeChars + RandomChars];
        WriteTime(body, at);
        body[TimeChars..].Fill(Alphabet[0]);
        return $"{prefix}_{body}";
    }

    private static void WriteTime(Span<char> body, DateTimeOffset at)
    {
        var millis = at.ToUnixTimeMilliseconds();
        for (var i = TimeChars - 1; i >= 0; i--)
        {
            body[i] = Alphabet[(int)(millis & 31)];
            millis >>= 5;
        }
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
