using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Merchants;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>The body of <c>POST /v1/signups</c> as sent; <see cref="Validate"/> turns it into a command.</summary>
[Description("The body of `POST /v1/signups`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateSignupRequest(
    [Description("The developer's email address (at most 254 characters, the common `name@example.com` form; otherwise `400 parameter_invalid`)."), StringLength(254, MinimumLength = 3), Example("dev@rideshare.example"), Required]
    string? Email,
    [Description("The sandbox merchant's name: 1–200 characters after trimming, no control characters."), StringLength(200, MinimumLength = 1), Example("Rideshare Inc."), Required]
    string? Name,
    [Description("Must be `true`: the developer accepts the sandbox terms named by `terms_version`."), Required]
    bool? AcceptTerms,
    [Description("The version of the sandbox terms accepted; must be the version in force (`400 parameter_invalid` otherwise, naming the version in force)."), StringLength(32, MinimumLength = 1), Example("2026-12-01"), Required]
    string? TermsVersion)
{
    public Result<SignupCommand> Validate(string termsInForce)
    {
        if (Email is null) return Errors.ParameterMissing("email");
        var email = Email.Trim();
        if (!EmailAddress.IsValid(email)) return Errors.ParameterInvalid("email", "The email must be an address such as 'dev@example.com'.");
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Errors.ParameterMissing("name");
        if (name.Length > CreateMerchantRequest.MaxNameLength) return Errors.ParameterInvalid("name", $"The name must be at most {CreateMerchantRequest.MaxNameLength} characters.");
        if (name.Any(char.IsControl)) return Errors.ParameterInvalid("name", "The name must not contain control characters.");
        if (AcceptTerms is null) return Errors.ParameterMissing("accept_terms");
        if (AcceptTerms != true) return Errors.ParameterInvalid("accept_terms", "The sandbox terms must be accepted: send accept_terms: true.");
        if (string.IsNullOrEmpty(TermsVersion)) return Errors.ParameterMissing("terms_version");
        if (!string.Equals(TermsVersion, termsInForce, StringComparison.Ordinal))
        {
            return Errors.ParameterInvalid("terms_version", $"The terms in force are version '{termsInForce}'; read them and accept that version.");
        }
        return new SignupCommand(email, name, termsInForce);
    }
}

public sealed record SignupCommand(string Email, string Name, string TermsVersion);
