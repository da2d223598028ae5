using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Core.Secrets;

/// <summary>
/// Whether an admin key is hard enough to guess to guard the platform outside development: long enough after its prefix,
/// made of enough different characters, not a repeated block or a run of neighbouring characters, and with an estimated
/// entropy (the Shannon entropy of its characters times its length) a random key easily clears. A key made by
/// <c>sk_admin_$(openssl rand -hex 24)</c> always passes; a 32-character random hex key passes with near certainty.
/// </summary>
public static class AdminKeyStrength
{
    public const int MinimumLength = 32;
    public const int MinimumDistinctCharacters = 8;
    public const double MinimumEstimatedBits = 80;

    /// <summary>Null when the key is strong enough; otherwise what is wrong with it, in words that never quote the key.</summary>
    public static string? Weakness(string key)
    {
        var body = key.StartsWith(AdminKeyProvider.Prefix, StringComparison.Ordinal) ? key[AdminKeyProvider.Prefix.Length..] : key;
        if (body.Length < MinimumLength) return $"it needs at least {MinimumLength} characters after '{AdminKeyProvider.Prefix}'";
        if (body.Distinct().Count() < MinimumDistinctCharacters) return $"it needs at least {MinimumDistinctCharacters} different characters after '{AdminKeyProvider.Prefix}'";
        if (IsRepeatedBlock(body)) return "it repeats a shorter block of characters";
        if (IsMostlyNeighbours(body)) return "most of its characters follow their neighbour in sequence (like 'abcd' or '4321')";
        if (EstimatedBits(body) < MinimumEstimatedBits) return "its characters are too unevenly used to be random";
        return null;
    }

    /// <summary>Whether the text is one block over and over (a period of at most half its length), e.g. "0123456789" four times.</summary>
    private static bool IsRepeatedBlock(string body)
    {
        for (var period = 1; period <= body.Length / 2; period++)
        {
            if (string.CompareOrdinal(body, period, body, 0, body.Length - period) == 0) return true;
        }
        return false;
    }

    /// <summary>Whether more than half of the adjacent pairs are equal or one apart (a random key has about one in five such pairs).</summary>
    private static bool IsMostlyNeighbours(string body)
    {
        var neighbours = 0;
        for (var i = 1; i < body.Length; i++)
        {
            if (Math.Abs(body[i] - body[i - 1]) <= 1) neighbours++;
        }
        return neighbours * 2 > body.Length - 1;
    }

    private static double EstimatedBits(string body) =>
        body.GroupBy(character => character).Sum(group => -group.Count() * Math.Log2((double)group.Count() / body.Length));
}
