using System.Security.Cryptography;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Access;

/// <summary>A freshly minted key: the plaintext exists only here, to be shown once; the record is what is stored.</summary>
public sealed record IssuedApiKey(ApiKeyRecord Record, Sensitive Plaintext)
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 32;

    public static IssuedApiKey Mint(string merchantId, ApiKeyKind kind, Mode mode, TimeProvider clock) =>
        Mint(new ApiKeyRecord("", merchantId, kind, mode, "", default), clock);

    /// <summary>A new key like <paramref name="template"/> (owner, kind, mode, name, permissions, expiry), with its own id, secret and creation time.</summary>
    public static IssuedApiKey Mint(ApiKeyRecord template, TimeProvider clock)
    {
        var plaintext = NewSecret(PrefixOf(template.Kind), template.Mode);
        var record = template with { KeyId = PrefixedId.New("key", clock), Hash = ApiKeyHash.Of(plaintext), Created = clock.GetUtcNow(), ReplacedBy = null };
        return new IssuedApiKey(record, new Sensitive(plaintext));
    }

    /// <summary>A new credential secret: the prefix, the mode, then 32 random characters (190 bits), e.g. <c>rk_test_…</c>.</summary>
    public static string NewSecret(string prefix, Mode mode) => prefix + (mode == Mode.Test ? "test_" : "live_") + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    private static string PrefixOf(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Secret => "sk_",
        ApiKeyKind.Publishable => "pk_",
        _ => "rk_",
    };
}
