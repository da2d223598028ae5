using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>The API representation of a merchant. <see cref="ApiKeys"/> appears only in the creation response.</summary>
public sealed record MerchantView(
    string Id,
    string Object,
    string Name,
    string Country,
    string DefaultCurrency,
    long Created,
    MerchantApiKeysView? ApiKeys)
{
    public static MerchantView From(Merchant merchant, MerchantApiKeysView? keys = null) => new(
        merchant.Id, "merchant", merchant.Name, merchant.Country.Code, merchant.DefaultCurrency.Code,
        merchant.Created.ToUnixTimeSeconds(), keys);
}

/// <summary>The plaintext keys, shown once when the merchant is created.</summary>
public sealed record MerchantApiKeysView(string SecretTest, string PublishableTest)
{
    public static MerchantApiKeysView From(IssuedApiKey secret, IssuedApiKey publishable) =>
        new(secret.Plaintext.Reveal(), publishable.Plaintext.Reveal());

    // Records print their members; this one must never print a key.
    public override string ToString() => nameof(MerchantApiKeysView) + " { [redacted] }";
}
