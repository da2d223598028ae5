using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

[Description("What the account must still supply before payouts are enabled, and what is being verified.")]
public sealed record RequirementsView(
    [Description("Fields still to supply with `PATCH /v1/accounts/{id}` (or supplied and refused: see `errors`).")]
    IReadOnlyList<string> CurrentlyDue,
    [Description("Fields supplied and waiting for verification (or held for manual review).")]
    IReadOnlyList<string> PendingVerification,
    [Description("Why supplied fields did not verify.")]
    IReadOnlyList<RequirementErrorView> Errors)
{
    public static RequirementsView From(Onboarding onboarding, Country country) => new(
        onboarding.CurrentlyDue(country), onboarding.PendingVerification(country), onboarding.Errors.Select(error => new RequirementErrorView(error.Field, error.Code)).ToList());
}

[Description("A supplied field that did not verify.")]
public sealed record RequirementErrorView(
    [Description("The field's name, such as `individual.id_number_last4`."), Example("individual.id_number_last4")]
    string Field,
    [Description("`id_number_mismatch`: the id number does not match the person; `under_review`: held for the operator's manual review."), AllowedValues("id_number_mismatch", "under_review"), Example("id_number_mismatch")]
    string Code);

[Description("What is shown of the person behind the account: never more than the year of birth and the last four digits of the id number.")]
public sealed record IndividualView(
    [Description("Where verification stands."), AllowedValues("unverified", "pending", "under_review", "verified", "failed"), Example("verified")]
    string VerificationStatus,
    [Description("The year of birth, once supplied."), Example(1990)]
    int? DobYear,
    [Description("The last four digits of the id number (US), once supplied."), StringLength(4, MinimumLength = 4), Example("0000")]
    string? IdNumberLast4)
{
    public static IndividualView From(Onboarding onboarding) => new(onboarding.Status.ApiName(), onboarding.DobYear, onboarding.IdNumberLast4);
}
