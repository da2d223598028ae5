namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The sandbox's verifier (API.md): <c>id_number_last4</c> <c>1111</c> fails with <c>id_number_mismatch</c>; a date of
/// birth of 1900-01-01 is held for manual review; anything else (<c>0000</c> among it) verifies. Deterministic, so a
/// repeated submission gets the same verdict.
/// </summary>
public sealed class SandboxIdentityVerifier : IIdentityVerifier
{
    public const string MismatchLast4 = "1111";
    public static readonly DateOnly ReviewedDob = new(1900, 1, 1);

    public Task<IdentityVerdict> VerifyAsync(IdentityCheck check, CancellationToken cancellationToken) => Task.FromResult(
        check.Individual.IdNumberLast4 == MismatchLast4 ? IdentityVerdict.Failed(IdentityFields.IdNumberLast4, "id_number_mismatch")
        : check.Individual.Dob == ReviewedDob ? IdentityVerdict.UnderReview(IdentityFields.Dob)
        : IdentityVerdict.Verified);
}
