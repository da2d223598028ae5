using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Health;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Health;

public sealed class HealthFunction(ApiPipeline api, IStorageHealthProbe storage)
{
    private static readonly ApiRoute Route = new("health", AccessPolicy.Public);

    [Function("Health")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.ReadAsync(request, Route, async _ =>
        {
            var report = await storage.ProbeAsync(request.HttpContext.RequestAborted);
            return StoredResponse.Of(report.Healthy ? 200 : 503, HealthView.From(report));
        });
}
