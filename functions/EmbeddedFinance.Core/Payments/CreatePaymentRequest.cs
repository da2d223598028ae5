using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The body of <c>POST /v1/payments</c>.</summary>
public sealed record CreatePaymentRequest(
    long? Amount,
    string? Currency,
    string? PaymentMethod,
    bool? Capture,
    long? ApplicationFeeAmount,
    IReadOnlyList<SplitInput>? Splits,
    string? Description,
    IReadOnlyDictionary<string, string>? Metadata)
{
    public const int MaxSplits = 10;

    public Result<CreatePaymentCommand> Validate()
    {
        var amount = Money.Money.ParseAmount(Amount, "amount");
        if (!amount.IsSuccess) return amount.Error!;
        if (Currency is null) return Errors.ParameterMissing("currency");
        if (!Money.Currency.TryParse(Currency, out var currency)) return Errors.CurrencyUnsupported("currency");
        if (string.IsNullOrEmpty(PaymentMethod)) return Errors.ParameterMissing("payment_method");
        if (!PrefixedId.IsWellFormed(PaymentMethod, "tok")) return Errors.ResourceMissing("token", "payment_method");

        var fee = Money.Money.ParseAmount(ApplicationFeeAmount ?? 0, "application_fee_amount", allowZero: true);
        if (!fee.IsSuccess) return fee.Error!;
        if (fee.Value > amount.Value)
        {
            return new ApiError(400, "amount_invalid", "The application fee cannot exceed the amount.", "application_fee_amount");
        }

        var splits = ValidateSplits(amount.Value, fee.Value);
        if (!splits.IsSuccess) return splits.Error!;
        if (Description is { Length: > 1000 }) return Errors.ParameterInvalid("description", "The description must be at most 1000 characters.");
        if (PaymentMetadata.Validate(Metadata) is { } invalidMetadata) return invalidMetadata;

        return new CreatePaymentCommand(
            new Money.Money(amount.Value, currency), PaymentMethod, Capture ?? true, fee.Value, splits.Value!, Description,
            Metadata ?? new Dictionary<string, string>());
    }

    private Result<IReadOnlyList<Split>> ValidateSplits(long amount, long fee)
    {
        if (Splits is null || Splits.Count == 0) return Result<IReadOnlyList<Split>>.Success([]);
        if (Splits.Count > MaxSplits) return Errors.ParameterInvalid("splits", $"A payment has at most {MaxSplits} splits.");
        var splits = new List<Split>();
        for (var i = 0; i < Splits.Count; i++)
        {
            var input = Splits[i];
            if (input is null) return Errors.ParameterInvalid($"splits[{i}]", "Each split is an object with 'account' and 'amount'.");
            if (string.IsNullOrEmpty(input.Account)) return Errors.ParameterMissing($"splits[{i}].account");
            if (!PrefixedId.IsWellFormed(input.Account, "acct")) return Errors.ResourceMissing("account", $"splits[{i}].account");
            var splitAmount = Money.Money.ParseAmount(input.Amount, $"splits[{i}].amount");
            if (!splitAmount.IsSuccess) return splitAmount.Error!;
            if (splits.Any(split => split.Account == input.Account)) return Errors.ParameterInvalid($"splits[{i}].account", "Each account may appear in one split only.");
            splits.Add(new Split(input.Account, splitAmount.Value));
        }
        if (splits.Sum(split => split.Amount) + fee != amount)
        {
            return Errors.ParameterInvalid("splits", $"The splits ({splits.Sum(split => split.Amount)}) plus the application fee ({fee}) must equal the amount ({amount}).");
        }
        return splits;
    }
}

public sealed record SplitInput(string? Account, long? Amount);

public sealed record CreatePaymentCommand(
    Money.Money Amount,
    string TokenId,
    bool Capture,
    long ApplicationFeeAmount,
    IReadOnlyList<Split> Splits,
    string? Description,
    IReadOnlyDictionary<string, string> Metadata);
