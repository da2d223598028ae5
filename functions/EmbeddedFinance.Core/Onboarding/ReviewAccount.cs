using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The operator's manual review (<c>POST /v1/admin/accounts/{id}/verify</c>): an account held <c>under_review</c>
/// becomes verified, with <c>account.updated</c> and <c>account.verified</c>. The operator names only the account; the
/// review index gives its scope.
/// </summary>
public sealed class ReviewAccount(IAccountStore store, IAccountReviews reviews, VerifyIdentity verification, ILogger<ReviewAccount> logger)
{
    private const int ConflictRetries = 5;

    public async Task<Result<StoredResponse>> VerifyAsync(string accountId, CancellationToken cancellationToken)
    {
        if (!PrefixedId.IsWellFormed(accountId, "acct")) return Errors.ResourceMissing("account");
        for (var attempt = 1; ; attempt++)
        {
            var scope = await reviews.ScopeOfAsync(accountId, cancellationToken);
            var account = scope is null ? null : await store.GetAsync(scope, accountId, cancellationToken);
            if (account is null) return Errors.ResourceMissing("account under review");
            if (account.Onboarding.Status != VerificationStatus.UnderReview)
            {
                return Errors.StateInvalid($"The account is not under review (verification status '{account.Onboarding.Status.ApiName()}').");
            }
            var verified = account with { Onboarding = account.Onboarding with { Status = VerificationStatus.Verified, Errors = [] } };
            try
            {
                await store.UpdateAsync(verified, verification.Events(verified), null, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < ConflictRetries)
            {
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                return Errors.ConflictRetry("The account is being changed by other requests; retry.");
            }
            logger.LogInformation("The operator verified {Account} in {Scope} after manual review", accountId, account.Scope);
            await RemoveReviewAsync(accountId, cancellationToken);
            return StoredResponse.Of(200, AccountView.From(verified));
        }
    }

    private async Task RemoveReviewAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            await reviews.RemoveAsync(accountId, cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // The account is verified either way; a row left behind only answers the next attempt with state_invalid.
            logger.LogWarning(failure, "The review row of {Account} was not removed", accountId);
        }
    }
}
