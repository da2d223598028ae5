using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// An account's identity onboarding as stored: the sealed identity, which fields it holds, the two parts that may be
/// shown (the year of birth and the last four of the id number), and where verification stands. The current
/// submission's id names the one verification a result may be applied to (a newer submission supersedes it).
/// </summary>
public sealed record Onboarding(
    VerificationStatus Status,
    IReadOnlyList<string> Provided,
    SealedIdentity? Identity,
    int? DobYear,
    string? IdNumberLast4,
    string? SubmissionId,
    IReadOnlyList<RequirementError> Errors)
{
    /// <summary>A new account: everything due.</summary>
    public static readonly Onboarding New = new(VerificationStatus.Unverified, [], null, null, null, null, []);

    /// <summary>
    /// Accounts created before onboarding existed keep being paid out (ADR 026) unless a verification they submit fails.
    /// </summary>
    public bool Grandfathered { get; init; }

    public bool PayoutsEnabled => Status == VerificationStatus.Verified || (Grandfathered && Status != VerificationStatus.Failed);

    /// <summary>Charges are not gated on identity: a payment's splits accrue to the balance whatever the status.</summary>
    public static bool ChargesEnabled => true;

    public IReadOnlyList<string> CurrentlyDue(Country country) =>
        IdentityFields.RequiredFor(country).Where(field => !Provided.Contains(field) || (Status == VerificationStatus.Failed && Errors.Any(error => error.Field == field))).ToList();

    public IReadOnlyList<string> PendingVerification(Country country) =>
        Status is VerificationStatus.Pending or VerificationStatus.UnderReview ? IdentityFields.RequiredFor(country).ToList() : [];
}
