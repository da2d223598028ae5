using EmbeddedFinance.Core.Protection;


namespace EmbeddedFinance.Core.Access;

/// <summary>
/// Keys carry 190 bits of randomness, so an unsalted SHA-256 is enough to make the stored hash useless to a
/// thief and lets authentication find the key with one point read.
/// </summary>
public static class ApiKeyHash
{
    public static string Of(string plaintextKey) => Digest.Sha256(plaintextKey);
}
