using System.Security.Cryptography;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Access;

/// <summary>A freshly minted key: the plaintext exists only here, to be shown once; the record is what is stored.</summary>
public sealed record IssuedApiKey(ApiKeyRecord Record, Sensitive Plaintext)
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 32;

    public static IssuedApiKey Mint(string merchantId, ApiKeyKind kind, Mode mode, TimeProvider clock)
    {
        var prefix = (kind == ApiKeyKind.Secret ? "sk_" : "pk_") + (mode == Mode.Test ? "test_" : "live_");
        var plaintext = prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        var record = new ApiKeyRecord(PrefixedId.New("key", clock), merchantId, kind, mode, ApiKeyHash.Of(plaintext), clock.GetUtcNow());
        return new IssuedApiKey(record, new Sensitive(plaintext));
    }
}
