using System.Text.Json;
using System.Text.Json.Serialization;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// The access-token signing keys, kept together as one secret so that one read gives an instance every key a valid
/// token can carry. The newest key already active signs; every key in the set verifies, including one published ahead
/// of its use and one retired recently enough that tokens it signed are still alive.
/// </summary>
public sealed class SigningKeySet
{
    private SigningKeySet(IReadOnlyList<SigningKey> keys) => Keys = keys.OrderByDescending(key => key.ActiveFrom).ToList();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SigningKey> Keys { get; }

    public static SigningKeySet Of(IEnumerable<SigningKey> keys) => new(keys.ToList());

    /// <summary>The key that signs at <paramref name="now"/>: the newest already active (the oldest when none is yet).</summary>
    public SigningKey SignerAt(DateTimeOffset now) => Keys.FirstOrDefault(key => key.ActiveFrom <= now) ?? Keys[^1];

    public SigningKey? Find(string? kid) => Keys.FirstOrDefault(key => string.Equals(key.Kid, kid, StringComparison.Ordinal));

    /// <summary>
    /// A new key published at <paramref name="now"/> that signs from <paramref name="now"/> + <paramref name="publishDelay"/>,
    /// beside the keys whose tokens may still be alive then: the current signer, keys still to come, and older keys whose
    /// successor began signing less than a token's lifetime (plus skew) ago.
    /// </summary>
    public SigningKeySet Rotate(DateTimeOffset now, TimeSpan publishDelay, TimeSpan tokenLifetime)
    {
        var signer = SignerAt(now);
        var kept = new List<SigningKey>();
        SigningKey? newer = null;
        foreach (var key in Keys)
        {
            var stillVerifies = key.ActiveFrom >= signer.ActiveFrom || (newer is not null && newer.ActiveFrom > now - tokenLifetime);
            if (stillVerifies) kept.Add(key);
            newer = key;
        }
        kept.Add(SigningKey.Generate(now + publishDelay));
        return new SigningKeySet(kept);
    }

    public Sensitive Serialize() => new(JsonSerializer.Serialize(
        new StoredSet(Keys.Select(key => new StoredKey(key.ActiveFrom.ToUnixTimeSeconds(), Convert.ToBase64String(key.ExportPrivateKey()))).ToList())));

    public static SigningKeySet Deserialize(Sensitive stored)
    {
        var set = JsonSerializer.Deserialize<StoredSet>(stored.Reveal()) ?? throw new FormatException("The signing key set is empty.");
        if (set.Keys is not { Count: > 0 }) throw new FormatException("The signing key set holds no key.");
        return new SigningKeySet(set.Keys.Select(key => SigningKey.Import(Convert.FromBase64String(key.PrivateKey), DateTimeOffset.FromUnixTimeSeconds(key.ActiveFrom))).ToList());
    }

    private sealed record StoredSet([property: JsonPropertyName("keys")] List<StoredKey> Keys);

    private sealed record StoredKey(
        [property: JsonPropertyName("active_from")] long ActiveFrom,
        [property: JsonPropertyName("private_key")] string PrivateKey);
}
