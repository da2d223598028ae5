using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Merchants;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>The answer to a sandbox sign-up: the new test-mode merchant with its keys (shown this once) and the terms accepted.</summary>
[Description("A self-service sandbox sign-up: a test-mode merchant, its keys (in `merchant.api_keys`, shown only in this response) and the terms the developer accepted.")]
public sealed record SignupView(
    [Description("The object's type: always `signup`."), AllowedValues("signup")]
    string Object,
    [Description("The address the developer signed up with."), Example("dev@rideshare.example")]
    string Email,
    [Description("The version of the sandbox terms accepted."), Example("2026-12-01")]
    string TermsVersion,
    [Description("When the terms were accepted, in Unix seconds."), Example(1717171717)]
    long TermsAcceptedAt,
    [Description("Always `false`: a sign-up opens the sandbox only; live access is requested with `POST /v1/live_access_requests`.")]
    bool Livemode,
    MerchantView Merchant)
{
    public static SignupView From(Merchant merchant, MerchantApiKeysView keys) =>
        new("signup", merchant.Email!, merchant.Terms!.Version, merchant.Terms.AcceptedAt.ToUnixTimeSeconds(), false, MerchantView.From(merchant, keys));
}
