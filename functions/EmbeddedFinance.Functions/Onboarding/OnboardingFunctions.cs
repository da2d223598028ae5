using EmbeddedFinance.Azure.Onboarding;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Functions.Recovery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Onboarding;

/// <summary>Identity verification of connected accounts: the queue's worker, and the operator's manual review.</summary>
public sealed class OnboardingFunctions(ApiPipeline api, VerifyIdentity verify, ReviewAccount review, QueueWork work)
{
    private static readonly ApiRoute Verify = new("admin.accounts.verify", AccessPolicy.AdminOnly);

    [Function(nameof(VerifyIdentity))]
    public Task VerifyIdentityAsync([QueueTrigger("%Queues:IdentityVerifications%")] IdentityVerificationRequest request, CancellationToken cancellationToken) =>
        work.RunAsync(nameof(VerifyIdentity), queues => queues.IdentityVerifications, request,
            () => verify.HandleAsync(request.Scope, request.AccountId, cancellationToken), cancellationToken);

    [Function("VerifyAccountAfterReview")]
    public Task<IActionResult> VerifyAfterReviewAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/accounts/{id}/verify")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Verify,
            body => body.Validate(),
            (_, _, _) => review.VerifyAsync(id, CancellationToken.None));
}
