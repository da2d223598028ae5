using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// What supplying identity fields does to an account's onboarding: the merged identity sealed again; once every
/// required field is there (and any refused field was supplied anew) a new submission, pending verification.
/// </summary>
public sealed class IdentitySubmission(IdentitySealer sealer, TimeProvider clock)
{
    public async Task<Onboarding> ApplyAsync(string scope, string accountId, Country country, Onboarding current, Individual update, CancellationToken cancellationToken)
    {
        var merged = (await sealer.OpenAsync(scope, accountId, current.Identity, cancellationToken)).With(update);
        var sealedIdentity = await sealer.SealAsync(scope, accountId, merged, cancellationToken);
        var supplied = update.Provided();
        var errors = current.Errors.Where(error => !supplied.Contains(error.Field)).ToList();
        var complete = IdentityFields.RequiredFor(country).All(merged.Provided().Contains);
        var status = complete && (current.Status != VerificationStatus.Failed || errors.Count == 0) ? VerificationStatus.Pending
            : current.Status == VerificationStatus.Failed && errors.Count > 0 ? VerificationStatus.Failed
            : VerificationStatus.Unverified;
        return current with
        {
            Status = status,
            Provided = merged.Provided(),
            Identity = sealedIdentity,
            DobYear = merged.Dob?.Year,
            IdNumberLast4 = merged.IdNumberLast4,
            SubmissionId = status == VerificationStatus.Pending ? PrefixedId.New("idv", clock) : current.SubmissionId,
            Errors = status == VerificationStatus.Pending ? [] : errors,
        };
    }
}
