using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Amounts;

/// <summary>An amount in minor units of a currency. No floating point anywhere.</summary>
public readonly record struct Money(long Amount, Currency Currency)
{
    /// <summary>The largest amount one payment or payout may carry (999,999.99 in a two-decimal currency).</summary>
    public const long MaxAmount = 99_999_999;

    public static Result<long> ParseAmount(long? amount, string param, bool allowZero = false)
    {
        if (amount is null) return Errors.ParameterMissing(param);
        if (amount < (allowZero ? 0 : 1) || amount > MaxAmount)
        {
            return new ApiError(400, "amount_invalid",
                $"The parameter '{param}' must be an integer number of minor units from {(allowZero ? 0 : 1)} to {MaxAmount}.", param);
        }
        return amount.Value;
    }

    public override string ToString() => $"{Amount} {Currency.Code}";
}
