using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Tests.Common;

public sealed class ValueTests
{
    [Theory]
    [InlineData("usd", "usd", 2)]
    [InlineData("USD", "usd", 2)]
    [InlineData("jpy", "jpy", 0)]
    [InlineData("kwd", "kwd", 3)]
    public void Supported_currencies_parse_with_their_exponent(string input, string code, int exponent)
    {
        Assert.True(Currency.TryParse(input, out var currency));
        Assert.Equal(code, currency.Code);
        Assert.Equal(exponent, currency.Exponent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("us")]
    [InlineData("btc")]
    public void Unknown_currencies_are_rejected(string? input) => Assert.False(Currency.TryParse(input, out _));

    [Theory]
    [InlineData("us", "US")]
    [InlineData("GB", "GB")]
    public void Supported_countries_parse_upper_case(string input, string code)
    {
        Assert.True(Country.TryParse(input, out var country));
        Assert.Equal(code, country.Code);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("USA")]
    [InlineData("")]
    public void Unknown_countries_are_rejected(string input) => Assert.False(Country.TryParse(input, out _));

    [Fact]
    public void A_sensitive_value_never_prints_itself()
    {
        var secret = new Sensitive("sk_test_abc");

        Assert.Equal(Sensitive.Redacted, secret.ToString());
        Assert.DoesNotContain("sk_test_abc", $"key={secret}");
        Assert.Equal("sk_test_abc", secret.Reveal());
    }
}
