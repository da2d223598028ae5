using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Vault;

/// <summary>A card's expiry month and four-digit year; a card is valid through the last day of that month.</summary>
public sealed record CardExpiry(int Month, int Year)
{
    public const int MaxYearsAhead = 50;

    public static Result<CardExpiry> Parse(int? month, int? year, string monthParam, string yearParam, DateTimeOffset now)
    {
        if (month is null) return Errors.ParameterMissing(monthParam);
        if (year is null) return Errors.ParameterMissing(yearParam);
        if (month is < 1 or > 12) return new ApiError(400, "invalid_expiry_month", "The expiry month must be 1 to 12.", monthParam);
        // Two-digit years are this century's, as printed on cards.
        var fullYear = year < 100 ? 2000 + year.Value : year.Value;
        if (fullYear < 2000 || fullYear > now.Year + MaxYearsAhead)
        {
            return new ApiError(400, "invalid_expiry_year", $"The expiry year must be a four-digit year no more than {MaxYearsAhead} years ahead.", yearParam);
        }
        var expiry = new CardExpiry(month.Value, fullYear);
        if (expiry.IsPastAt(now))
        {
            return new ApiError(400, "expired_card", "The card has expired.", fullYear < now.Year ? yearParam : monthParam);
        }
        return expiry;
    }

    public bool IsPastAt(DateTimeOffset now) => Year < now.Year || (Year == now.Year && Month < now.Month);
}
