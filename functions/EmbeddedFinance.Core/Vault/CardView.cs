using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Vault;

/// <summary>The tokenized card as responses and webhooks carry it.</summary>
[Description("A tokenized card: never more than this.")]
public sealed record CardView(
    [Description("The token, where the card belongs to another object (a payment)."), RegularExpression("^tok_")]
    string? Token,
    [AllowedValues("visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay")]
    string Brand,
    [RegularExpression("^[0-9]{4}$")]
    string Last4,
    [Range(1, 12)]
    int ExpMonth,
    int ExpYear,
    [Description("The same card gives the same fingerprint for one merchant, and a different one for any other merchant.")]
    string Fingerprint)
{
    public static CardView From(CardToken token, bool withTokenId) => new(
        withTokenId ? token.Id : null, token.Brand.ApiName(), token.Last4, token.Expiry.Month, token.Expiry.Year, token.Fingerprint);
}

public sealed record TokenView(
    [RegularExpression("^tok_")]
    string Id,
    [AllowedValues("token")]
    string Object,
    CardView Card,
    [Description("Unix seconds.")]
    long Created,
    bool Livemode)
{
    public static TokenView From(CardToken token) => new(
        token.Id, "token", CardView.From(token, withTokenId: false), token.Created.ToUnixTimeSeconds(), token.Mode == Common.Mode.Live);
}
