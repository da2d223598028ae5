using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Tests.Vault;

public sealed class CardNumberTests
{
    [Theory]
    [InlineData("4242 4242 4242 4242", CardBrand.Visa)]
    [InlineData("4000-0000-0000-0002", CardBrand.Visa)]
    [InlineData("4111111111119", CardBrand.Visa)]
    [InlineData("5555555555554444", CardBrand.Mastercard)]
    [InlineData("2223003122003222", CardBrand.Mastercard)]
    [InlineData("2720990000000007", CardBrand.Mastercard)]
    [InlineData("378282246310005", CardBrand.Amex)]
    [InlineData("343434343434343", CardBrand.Amex)]
    [InlineData("6011111111111117", CardBrand.Discover)]
    [InlineData("6445644564456445", CardBrand.Discover)]
    [InlineData("30569309025904", CardBrand.Diners)]
    [InlineData("36227206271667", CardBrand.Diners)]
    [InlineData("3566002020360505", CardBrand.Jcb)]
    [InlineData("6200000000000005", CardBrand.Unionpay)]
    [InlineData("35301113333000001", CardBrand.Jcb)]
    public void Valid_numbers_parse_with_their_brand(string input, CardBrand brand)
    {
        var number = CardNumber.Parse(input, "card.number");

        Assert.True(number.IsSuccess, number.Error?.Detail);
        Assert.Equal(brand, number.Value!.Brand);
        Assert.Equal(input.Replace(" ", "").Replace("-", "")[^4..], number.Value.Last4);
    }

    [Theory]
    [InlineData("4242424242424241")]          // fails Luhn
    [InlineData("4242 4242 4242 424a")]        // not digits
    [InlineData("42424242424")]                // too short
    [InlineData("42424242424242424242")]       // too long
    [InlineData("9999999999999995")]           // passes Luhn, no brand
    [InlineData("400000000000000002")]         // Visa range, 18 digits: not a Visa length
    public void Invalid_numbers_are_incorrect_number(string input)
    {
        var number = CardNumber.Parse(input, "card.number");

        Assert.Equal("incorrect_number", number.Error!.Code);
        Assert.Equal("card.number", number.Error.Param);
        Assert.DoesNotContain(input, number.Error.Detail);
    }

    [Fact]
    public void A_number_prints_as_brand_and_last_four_only()
    {
        var number = CardNumber.Parse("4242424242424242", "card.number").Value!;

        Assert.Equal("visa ····4242", number.ToString());
        Assert.DoesNotContain("4242424242424242", $"{number}");
        Assert.DoesNotContain("4242424242424242", new TokenizeCardCommand(number, new CardExpiry(12, 2030), "Jo").ToString());
        Assert.DoesNotContain("4242424242424242", new CardInput("4242424242424242", 12, 2030, "123", null).ToString());
        Assert.DoesNotContain("123", new CardInput("4242424242424242", 12, 2030, "123", null).ToString());
    }

    [Theory]
    [InlineData(CardBrand.Visa, "123", true)]
    [InlineData(CardBrand.Visa, "1234", false)]
    [InlineData(CardBrand.Visa, "12", false)]
    [InlineData(CardBrand.Visa, "12a", false)]
    [InlineData(CardBrand.Amex, "1234", true)]
    [InlineData(CardBrand.Amex, "123", false)]
    public void The_cvc_is_three_digits_or_four_for_amex(CardBrand brand, string cvc, bool valid)
    {
        var error = CardVerificationCode.Check(cvc, brand, "card.cvc");

        Assert.Equal(valid, error is null);
        if (!valid) Assert.Equal("invalid_cvc", error!.Code);
    }
}
