using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Vault;

/// <summary>Checks the CVC's shape. The value itself is never kept: not stored, not logged, not fingerprinted.</summary>
public static class CardVerificationCode
{
    public static ApiError? Check(string? cvc, CardBrand brand, string param)
    {
        if (string.IsNullOrEmpty(cvc)) return Errors.ParameterMissing(param);
        var length = brand == CardBrand.Amex ? 4 : 3;
        return cvc.Length == length && cvc.All(char.IsAsciiDigit)
            ? null
            : new ApiError(400, "invalid_cvc", $"The CVC of a {brand.ApiName()} card is {length} digits.", param);
    }
}
