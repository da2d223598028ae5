using EmbeddedFinance.Core.Onboarding;

namespace EmbeddedFinance.Core.Tests.Onboarding;

public sealed class SignupValidationTests
{
    [Theory]
    [InlineData("dev@example.com")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void Addresses_people_type_are_valid(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@example.com")]
    [InlineData("dev@localhost")]
    [InlineData("dev@@example.com")]
    [InlineData("dev@example..com")]
    [InlineData(".dev@example.com")]
    [InlineData("dev @example.com")]
    [InlineData("Dev <dev@example.com>")]
    [InlineData("dev@example.com\r\nBcc: x@example.com")]
    [InlineData("dev@-example.com")]
    [InlineData("dev@example.com, other@example.com")]
    public void Anything_else_is_not(string email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void An_address_longer_than_254_characters_or_a_local_part_longer_than_64_is_not_valid()
    {
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.com"));
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@example.com"));
        Assert.False(EmailAddress.IsValid("a@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 5)) + ".com"));
    }

    [Fact]
    public void A_sign_up_must_accept_exactly_the_terms_in_force_and_is_trimmed()
    {
        var accepted = new CreateSignupRequest(" dev@example.com ", " Sandbox ", true, "2026-12-01").Validate("2026-12-01");
        Assert.True(accepted.IsSuccess);
        Assert.Equal(new SignupCommand("dev@example.com", "Sandbox", "2026-12-01"), accepted.Value);

        var outdated = new CreateSignupRequest("dev@example.com", "Sandbox", true, "2025-01-01").Validate("2026-12-01");
        Assert.Equal(("parameter_invalid", "terms_version"), (outdated.Error!.Code, outdated.Error.Param));
        Assert.Contains("2026-12-01", outdated.Error.Detail, StringComparison.Ordinal);

        var refused = new CreateSignupRequest("dev@example.com", "Sandbox", false, "2026-12-01").Validate("2026-12-01");
        Assert.Equal(("parameter_invalid", "accept_terms"), (refused.Error!.Code, refused.Error.Param));
    }
}
