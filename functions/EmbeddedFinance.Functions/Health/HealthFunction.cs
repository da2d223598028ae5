using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Health;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Health;

public sealed class HealthFunction(ApiPipeline api, IStorageHealthProbe storage, IReconciliationLog reconciliation)
{
    /// <summary>Public, and a key that is sent is checked: only the admin's call shows more than the status.</summary>
    private static readonly ApiRoute Route = new("health", AccessPolicy.PublicCheckingKeys);

    [Function("Health")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.ReadAsync(request, Route, async call =>
        {
            var report = await storage.ProbeAsync(request.HttpContext.RequestAborted);
            var latest = report.Tables.Reachable ? await reconciliation.LatestAsync(request.HttpContext.RequestAborted) : null;
            var health = HealthView.From(report, latest);
            // Anyone may ask whether the service is up; what is stuck, drifting or failing, and why, is the operator's.
            return StoredResponse.Of(report.Healthy ? 200 : 503, call.Caller is Caller.Admin ? health : health.StatusOnly());
        });
}
