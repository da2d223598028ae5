using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// Client secrets (<c>cs_test_…</c>) are made like API keys and kept like them: as an unsalted SHA-256, enough for 190 random
/// bits. Their prefix is not a key's, so a secret sent as a bearer key is simply unknown.
/// </summary>
public static class OAuthClientSecret
{
    public const string Prefix = "cs_";

    public static Sensitive New(Mode mode) => new(IssuedApiKey.NewSecret(Prefix, mode));

    public static string Hash(string secret) => ApiKeyHash.Of(secret);
}
