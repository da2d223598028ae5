using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Operations;

/// <summary>Operator route: walk one scope's audit hash chain and report the first link that does not hold.</summary>
public sealed class AuditFunctions(ApiPipeline api, VerifyAuditTrail verify)
{
    private static readonly ApiRoute Verify = new("audit.verify", AccessPolicy.AdminOnly);

    [Function("VerifyAuditTrail")]
    public Task<IActionResult> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/audit/verify")] HttpRequest request) =>
        api.ReadAsync(request, Verify, async _ =>
        {
            var scope = AuditScopeQuery.Parse(request);
            if (!scope.IsSuccess) return scope.Error!;
            return StoredResponse.Of(200, await verify.RunAsync(scope.Value!, request.HttpContext.RequestAborted));
        });
}
