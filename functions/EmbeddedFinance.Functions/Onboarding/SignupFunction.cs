using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Onboarding;

/// <summary>
/// <c>POST /v1/signups</c>: public (there is no key yet), so no Idempotency-Key either: a retried sign-up is a second
/// sandbox merchant, which the per-address cap bounds.
/// </summary>
public sealed class SignupFunction(ApiPipeline api, Signups signups)
{
    private static readonly ApiRoute Create = new("signups.create", AccessPolicy.Public) { VersionedWhenPublic = true };

    [Function("CreateSignup")]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/signups")] HttpRequest request) =>
        api.ReadAsync(request, Create, async call =>
        {
            var body = await JsonBody.ReadAsync<CreateSignupRequest>(request, request.HttpContext.RequestAborted);
            if (!body.IsSuccess) return body.Error!;
            var command = body.Value!.Value.Validate(signups.TermsInForce);
            if (!command.IsSuccess) return command.Error!;
            return await signups.SignUpAsync(command.Value!, ClientAddress.Of(request.HttpContext), call.RequestId, CancellationToken.None);
        });
}
