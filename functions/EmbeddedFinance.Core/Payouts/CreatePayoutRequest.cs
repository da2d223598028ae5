using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>The body of <c>POST /v1/payouts</c>.</summary>
public sealed record CreatePayoutRequest(string? Account, long? Amount, string? Currency, string? Method, string? Description)
{
    public Result<CreatePayoutCommand> Validate()
    {
        if (string.IsNullOrEmpty(Account)) return Errors.ParameterMissing("account");
        if (!PrefixedId.IsWellFormed(Account, "acct")) return Errors.ResourceMissing("account", "account");
        var amount = Money.Money.ParseAmount(Amount, "amount");
        if (!amount.IsSuccess) return amount.Error!;
        if (Currency is null) return Errors.ParameterMissing("currency");
        if (!Money.Currency.TryParse(Currency, out var currency)) return Errors.CurrencyUnsupported("currency");
        var method = Method switch
        {
            null or "standard" => PayoutMethod.Standard,
            "instant" => PayoutMethod.Instant,
            _ => (PayoutMethod?)null,
        };
        if (method is null) return Errors.ParameterInvalid("method", "The method must be 'standard' or 'instant'.");
        if (Description is { Length: > 1000 }) return Errors.ParameterInvalid("description", "The description must be at most 1000 characters.");
        return new CreatePayoutCommand(Account, new Money.Money(amount.Value, currency), method.Value, Description);
    }
}

public sealed record CreatePayoutCommand(string Account, Money.Money Amount, PayoutMethod Method, string? Description);
