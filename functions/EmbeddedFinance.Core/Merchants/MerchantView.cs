using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>The API representation of a merchant. <see cref="ApiKeys"/> appears only in the creation response.</summary>
[Description("A merchant of the platform.")]
public sealed record MerchantView(
    [Description("Unique identifier, prefixed `mer_`."), RegularExpression("^mer_"), Example("mer_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `merchant`."), AllowedValues("merchant")]
    string Object,
    [Description("The merchant's name, trimmed."), StringLength(200, MinimumLength = 1), Example("Rideshare Inc.")]
    string Name,
    [Description("Upper-case ISO 3166-1 alpha-2 country code."), CountryCode, Example("US")]
    string Country,
    [Description("Lower-case ISO 4217 currency code."), CurrencyCode, Example("usd")]
    string DefaultCurrency,
    [Description("When the merchant was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("The API version the merchant is pinned to: requests without an `EF-Version` header get it, and new webhook endpoints default to it. The newest when the merchant is created; changed with `PATCH /v1/merchants/{id}`."), RegularExpression("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), Example("2026-12-01")]
    string ApiVersion,
    MerchantApiKeysView? ApiKeys)
{
    public static MerchantView From(Merchant merchant, MerchantApiKeysView? keys = null) => new(
        merchant.Id, "merchant", merchant.Name, merchant.Country.Code, merchant.DefaultCurrency.Code,
        merchant.Created.ToUnixTimeSeconds(), merchant.ApiVersion, keys);
}

/// <summary>The plaintext keys, shown once when the merchant is created.</summary>
[Description("The merchant's sandbox API keys in plain text. Present only in the response that creates the merchant: store them now, they are never shown again.")]
public sealed record MerchantApiKeysView(
    [Description("The sandbox secret key."), RegularExpression("^sk_test_"), Example("sk_test_4eC39HqLyjWDarjtT1zdp7dc")]
    string SecretTest,
    [Description("The sandbox publishable key."), RegularExpression("^pk_test_"), Example("pk_test_TYooMQauvdEDq54NiTphI7jx")]
    string PublishableTest)
{
    public static MerchantApiKeysView From(IssuedApiKey secret, IssuedApiKey publishable) =>
        new(secret.Plaintext.Reveal(), publishable.Plaintext.Reveal());

    // Records print their members; this one must never print a key.
    public override string ToString() => nameof(MerchantApiKeysView) + " { [redacted] }";
}
