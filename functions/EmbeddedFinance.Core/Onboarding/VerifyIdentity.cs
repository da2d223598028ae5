using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The verification queue's work: asks the verifier about the account's current submission and records its verdict,
/// with <c>account.updated</c> (and <c>account.verified</c>) in the same batch. Idempotent per account and submission:
/// an account no longer pending (verified, refused, or a redelivered message) is left alone, and a verdict is written
/// only over the submission it was asked about (the ETag guards against a newer one committed meanwhile).
/// </summary>
public sealed class VerifyIdentity(
    IAccountStore store, IdentitySealer sealer, IIdentityVerifier verifier, IdentityVerifierPipeline pipeline, IAccountReviews reviews, TimeProvider clock, ILogger<VerifyIdentity> logger)
{
    private const int ConflictRetries = 5;

    public async Task HandleAsync(string scope, string accountId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var account = await store.GetAsync(scope, accountId, cancellationToken);
            if (account is null || account.Onboarding.Status != VerificationStatus.Pending || account.Onboarding.SubmissionId is not { } submission)
            {
                logger.LogInformation("Identity verification of {Account} in {Scope} has nothing to do: {State}",
                    accountId, scope, account is null ? "no such account" : $"status {account.Onboarding.Status.ApiName()}");
                return;
            }
            var individual = await sealer.OpenAsync(scope, accountId, account.Onboarding.Identity, cancellationToken);
            var verdict = await pipeline.VerifyAsync(verifier, new IdentityCheck(scope, accountId, submission, account.Country, individual), cancellationToken);
            var updated = account with { Onboarding = account.Onboarding with { Status = verdict.Status, Errors = verdict.Error is null ? [] : [verdict.Error] } };
            if (verdict.Status == VerificationStatus.UnderReview) await reviews.PutAsync(accountId, scope, cancellationToken);
            try
            {
                await store.UpdateAsync(updated, Events(updated), null, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < ConflictRetries)
            {
                continue;
            }
            logger.LogInformation("Identity verification of {Account} in {Scope} ({Submission}): {Status}{Error}",
                accountId, scope, submission, verdict.Status.ApiName(), verdict.Error is null ? "" : $" ({verdict.Error.Field}: {verdict.Error.Code})");
            return;
        }
    }

    /// <summary><c>account.updated</c>, and <c>account.verified</c> when the account became verified.</summary>
    public IReadOnlyList<PlatformEvent> Events(ConnectedAccount account)
    {
        var view = AccountView.From(account);
        var updated = PlatformEvent.Of(EventTypes.AccountUpdated, account.Scope, account.Mode, view, clock);
        return account.Onboarding.Status == VerificationStatus.Verified
            ? [updated, PlatformEvent.Of(EventTypes.AccountVerified, account.Scope, account.Mode, view, clock)]
            : [updated];
    }
}
