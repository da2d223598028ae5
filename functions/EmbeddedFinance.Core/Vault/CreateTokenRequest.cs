using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Vault;

/// <summary>The body of <c>POST /v1/tokens</c>.</summary>
[Description("The body of `POST /v1/tokens`. Members not listed are rejected with `400 parameter_unknown`.")]
public sealed record CreateTokenRequest(
    [Description("The card. Errors name the member as `card.number`, `card.exp_month`, `card.exp_year`, `card.cvc`, `card.name`."), Required]
    CardInput? Card)
{
    public Result<TokenizeCardCommand> Validate(DateTimeOffset now)
    {
        if (Card is null) return Errors.ParameterMissing("card");
        var number = CardNumber.Parse(Card.Number, "card.number");
        if (!number.IsSuccess) return number.Error!;
        var expiry = CardExpiry.Parse(Card.ExpMonth, Card.ExpYear, "card.exp_month", "card.exp_year", now);
        if (!expiry.IsSuccess) return expiry.Error!;
        if (CardVerificationCode.Check(Card.Cvc, number.Value!.Brand, "card.cvc") is { } invalidCvc) return invalidCvc;
        if (Card.Name is { } name && (name.Length > 200 || name.Any(char.IsControl)))
        {
            return Errors.ParameterInvalid("card.name", "The cardholder name must be at most 200 characters, without control characters.");
        }
        return new TokenizeCardCommand(number.Value, expiry.Value!, string.IsNullOrWhiteSpace(Card.Name) ? null : Card.Name.Trim());
    }
}

/// <summary>Card data as sent. Never printed: a record would otherwise print the number and CVC.</summary>
[Description("The card. Errors name the member as `card.number`, `card.exp_month`, `card.exp_year`, `card.cvc`, `card.name`.")]
public sealed record CardInput(
    [Description("12–19 digits; spaces and dashes between them are ignored. Visa, Mastercard (51–55 and 2221–2720), Amex, Discover, Diners, JCB and UnionPay are supported."), Example("4242424242424242"), Required]
    string? Number,
    [Range(1, 12), Example(12), Required]
    int? ExpMonth,
    [Description("Four digits (two-digit years mean 20xx); not in the past, at most 50 years ahead."), Example(2030), Required]
    int? ExpYear,
    [Description("3 digits, 4 for Amex. Checked, then discarded."), RegularExpression("^[0-9]{3,4}$"), Example("123"), Required]
    string? Cvc,
    [Description("Cardholder name (optional); sealed with the number."), StringLength(200)]
    string? Name)
{
    public override string ToString() => nameof(CardInput) + " { [redacted] }";
}
