using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Vault;

/// <summary>The body of <c>POST /v1/tokens</c>.</summary>
public sealed record CreateTokenRequest(CardInput? Card)
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
public sealed record CardInput(string? Number, int? ExpMonth, int? ExpYear, string? Cvc, string? Name)
{
    public override string ToString() => nameof(CardInput) + " { [redacted] }";
}
