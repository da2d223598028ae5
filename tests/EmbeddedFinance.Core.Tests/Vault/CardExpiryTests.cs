using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Tests.Vault;

public sealed class CardExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(11, 2026, 11, 2026)]   // valid through the end of the current month
    [InlineData(1, 2027, 1, 2027)]
    [InlineData(12, 30, 12, 2030)]     // two-digit year
    [InlineData(12, 2076, 12, 2076)]   // fifty years ahead
    public void Future_and_current_months_are_valid(int month, int year, int expectedMonth, int expectedYear)
    {
        var expiry = CardExpiry.Parse(month, year, "card.exp_month", "card.exp_year", Now);

        Assert.Equal(new CardExpiry(expectedMonth, expectedYear), expiry.Value);
    }

    [Theory]
    [InlineData(0, 2030, "invalid_expiry_month", "card.exp_month")]
    [InlineData(13, 2030, "invalid_expiry_month", "card.exp_month")]
    [InlineData(12, 1999, "invalid_expiry_year", "card.exp_year")]
    [InlineData(12, 2077, "invalid_expiry_year", "card.exp_year")]
    [InlineData(10, 2026, "expired_card", "card.exp_month")]
    [InlineData(12, 2025, "expired_card", "card.exp_year")]
    [InlineData(null, 2030, "parameter_missing", "card.exp_month")]
    [InlineData(12, null, "parameter_missing", "card.exp_year")]
    public void Invalid_expiries_name_their_field(int? month, int? year, string code, string param)
    {
        var error = CardExpiry.Parse(month, year, "card.exp_month", "card.exp_year", Now).Error!;

        Assert.Equal(code, error.Code);
        Assert.Equal(param, error.Param);
    }
}
