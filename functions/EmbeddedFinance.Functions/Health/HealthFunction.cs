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
    private static readonly ApiRoute Route = new("health", AccessPolicy.Public);

    [Function("Health")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.ReadAsync(request, Route, async _ =>
        {
            var report = await storage.ProbeAsync(request.HttpContext.RequestAborted);
            var latest = report.Tables.Reachable ? await reconciliation.LatestAsync(request.HttpContext.RequestAborted) : null;
            return StoredResponse.Of(report.Healthy ? 200 : 503, HealthView.From(report, latest));
        });
}
