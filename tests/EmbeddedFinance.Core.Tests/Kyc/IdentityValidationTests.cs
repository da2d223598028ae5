using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Onboarding;
using OnboardingState = EmbeddedFinance.Core.Onboarding.Onboarding;

namespace EmbeddedFinance.Core.Tests.Kyc;

public sealed class IdentityValidationTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(2008, 12, 2, true)]   // 18 today
    [InlineData(2008, 12, 3, false)]  // 18 tomorrow
    [InlineData(1900, 1, 1, true)]
    [InlineData(2027, 1, 1, false)]
    public void A_dob_must_be_a_past_date_at_least_eighteen_years_ago(int year, int month, int day, bool accepted) =>
        Assert.Equal(accepted, new DateOfBirthInput(day, month, year).Validate(Today).IsSuccess);

    [Fact]
    public void February_30_is_not_a_date() =>
        Assert.Equal("individual.dob", new DateOfBirthInput(30, 2, 1990).Validate(Today).Error!.Param);

    [Theory]
    [InlineData("US", "IL", "62701", null)]
    [InlineData("US", "IL", "62701-1234", null)]
    [InlineData("US", null, "62701", "individual.address.state")]
    [InlineData("US", "IL", "ABCDE", "individual.address.postal_code")]
    [InlineData("CA", "ON", "K1A 0B1", null)]
    [InlineData("CA", "ON", "12345", "individual.address.postal_code")]
    [InlineData("GB", null, "SW1A 1AA", null)]
    [InlineData("DE", null, "10115", null)]
    public void Addresses_follow_the_accounts_country(string country, string? state, string postal, string? param)
    {
        Country.TryParse(country, out var parsed);
        var individual = Individual.None with { Address = new IndividualAddress("1 Main", null, "City", state, postal) };
        Assert.Equal(param, AddressRules.Check(individual, parsed)?.Param);
    }

    [Fact]
    public void Requirements_list_what_is_missing_then_what_is_refused()
    {
        Country.TryParse("US", out var us);
        var fresh = OnboardingState.New;
        Assert.Equal(5, fresh.CurrentlyDue(us).Count);
        Assert.False(fresh.PayoutsEnabled);

        var failed = fresh with
        {
            Status = VerificationStatus.Failed,
            Provided = IdentityFields.RequiredFor(us),
            Errors = [new RequirementError(IdentityFields.IdNumberLast4, "id_number_mismatch")],
        };
        Assert.Equal([IdentityFields.IdNumberLast4], failed.CurrentlyDue(us));
        Assert.Empty(failed.PendingVerification(us));
        Assert.False((failed with { Grandfathered = true }).PayoutsEnabled);
        Assert.True((fresh with { Grandfathered = true }).PayoutsEnabled);
        Assert.True((failed with { Status = VerificationStatus.Verified, Errors = [] }).PayoutsEnabled);
    }

    [Fact]
    public async Task The_sandbox_verifier_follows_api_md()
    {
        var verifier = new SandboxIdentityVerifier();
        Country.TryParse("US", out var us);
        Task<IdentityVerdict> Verify(string last4, DateOnly dob) =>
            verifier.VerifyAsync(new IdentityCheck("s", "acct_x", "idv_x", us, new Individual("A", "B", dob, null, last4)), CancellationToken.None);

        Assert.Equal(VerificationStatus.Verified, (await Verify("0000", new DateOnly(1990, 1, 1))).Status);
        Assert.Equal(new RequirementError(IdentityFields.IdNumberLast4, "id_number_mismatch"), (await Verify("1111", new DateOnly(1990, 1, 1))).Error);
        Assert.Equal(VerificationStatus.UnderReview, (await Verify("0000", new DateOnly(1900, 1, 1))).Status);
    }

    [Fact]
    public void Identity_never_prints_itself()
    {
        var individual = new Individual("Zelphine", "Quarrington", new DateOnly(1987, 3, 29), new IndividualAddress("77 Wisteria Lane", null, "X", "IL", "62701"), "0000");
        Assert.DoesNotContain("Zelphine", individual.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1987", individual.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Wisteria", individual.Address!.ToString(), StringComparison.Ordinal);
    }
}
