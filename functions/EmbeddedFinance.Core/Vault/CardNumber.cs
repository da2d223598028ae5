using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Vault;

/// <summary>
/// A validated primary account number. It lives only in memory while tokenizing or authorizing; it prints as
/// its brand and last four, so a log line cannot carry it.
/// </summary>
public sealed class CardNumber
{
    private readonly string digits;

    private CardNumber(string digits, CardBrand brand)
    {
        this.digits = digits;
        Brand = brand;
    }

    public CardBrand Brand { get; }

    public string Last4 => digits[^4..];

    public static Result<CardNumber> Parse(string? input, string param)
    {
        if (string.IsNullOrWhiteSpace(input)) return Errors.ParameterMissing(param);
        var digits = new string(input.Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            return Incorrect(param, "The card number must be 12 to 19 digits; spaces and dashes are allowed between them.");
        }
        if (!Luhn.IsValid(digits)) return Incorrect(param, "The card number is not a valid card number.");
        if (CardBrands.Detect(digits) is not { } detected) return Incorrect(param, "The card number is not of a supported brand.");
        if (!detected.LengthValid) return Incorrect(param, $"The card number has the wrong length for a {detected.Brand.ApiName()} card.");
        return new CardNumber(digits, detected.Brand);
    }

    /// <summary>The digits, for sealing and for the acquirer only.</summary>
    public string Reveal() => digits;

    public override string ToString() => $"{Brand.ApiName()} ····{Last4}";

    private static ApiError Incorrect(string param, string detail) => new(400, "incorrect_number", detail, param);
}
