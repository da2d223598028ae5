using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Merchants;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>The body of <c>POST /v1/live_access_requests</c>.</summary>
[Description("The body of `POST /v1/live_access_requests`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateLiveAccessRequestRequest(
    [Description("The business that will take live payments."), Required]
    BusinessDetailsRequest? Business)
{
    public Result<BusinessDetails> Validate() => Business is null ? Errors.ParameterMissing("business") : Business.Validate();
}

[Description("The business that asks to go live.")]
public sealed record BusinessDetailsRequest(
    [Description("The registered legal name: 1–200 characters, no control characters."), StringLength(200, MinimumLength = 1), Example("Rideshare Inc."), Required]
    string? LegalName,
    [Description("Where the business is registered: a supported ISO 3166-1 alpha-2 code (`400 parameter_invalid` otherwise)."), MinLength(2), Example("US"), Required]
    string? Country,
    [Description("The business's public website: an absolute https URL of at most 2048 characters."), StringLength(2048, MinimumLength = 10), Example("https://rideshare.example"), Required]
    string? Website,
    [Description("What the business sells and to whom, at most 1000 characters."), StringLength(1000), Example("Ride-hailing in the US; drivers paid out weekly.")]
    string? Description)
{
    public const int MaxDescriptionLength = 1000;

    public Result<BusinessDetails> Validate()
    {
        var legalName = LegalName?.Trim();
        if (string.IsNullOrEmpty(legalName)) return Errors.ParameterMissing("business.legal_name");
        if (legalName.Length > CreateMerchantRequest.MaxNameLength || legalName.Any(char.IsControl))
        {
            return Errors.ParameterInvalid("business.legal_name", $"The legal name must be at most {CreateMerchantRequest.MaxNameLength} characters without control characters.");
        }
        if (Country is null) return Errors.ParameterMissing("business.country");
        if (!Common.Country.TryParse(Country, out var country)) return Errors.ParameterInvalid("business.country", "The country must be a supported ISO 3166-1 alpha-2 code, such as 'US'.");
        if (Website is null) return Errors.ParameterMissing("business.website");
        if (Website.Length > 2048 || !Uri.TryCreate(Website, UriKind.Absolute, out var website) || website.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(website.Host) || !string.IsNullOrEmpty(website.UserInfo))
        {
            return Errors.ParameterInvalid("business.website", "The website must be an absolute https URL without credentials, such as 'https://example.com'.");
        }
        var description = Description?.Trim();
        if (description is { Length: > MaxDescriptionLength } || (description?.Any(c => char.IsControl(c) && c is not '\n') ?? false))
        {
            return Errors.ParameterInvalid("business.description", $"The description must be at most {MaxDescriptionLength} characters without control characters.");
        }
        return new BusinessDetails(legalName, country, website.AbsoluteUri, string.IsNullOrEmpty(description) ? null : description);
    }
}

/// <summary>The body of <c>POST /v1/admin/live_access_requests/{id}/reject</c>.</summary>
[Description("The body of `POST /v1/admin/live_access_requests/{id}/reject`: why, shown to the merchant.")]
public sealed record RejectLiveAccessRequestRequest(
    [Description("Why the request was rejected, shown to the merchant: at most 500 characters."), StringLength(500), Example("We could not verify the business's registration.")]
    string? Reason)
{
    public Result<string?> Validate()
    {
        var reason = Reason?.Trim();
        if (reason is { Length: > 500 } || (reason?.Any(char.IsControl) ?? false)) return Errors.ParameterInvalid("reason", "The reason must be at most 500 characters without control characters.");
        return Result<string?>.Success(string.IsNullOrEmpty(reason) ? null : reason);
    }
}
