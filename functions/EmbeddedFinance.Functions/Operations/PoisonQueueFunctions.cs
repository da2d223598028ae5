using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Operations;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Operations;

/// <summary>Operator routes for work that failed every attempt: see it, and send it back once its cause is fixed.</summary>
public sealed class PoisonQueueFunctions(ApiPipeline api, PoisonQueueCommands poison)
{
    private static readonly ApiRoute List = new("poison.list", AccessPolicy.AdminOnly);
    private static readonly ApiRoute Requeue = new("poison.requeue", AccessPolicy.AdminOnly);

    [Function("ListPoisonQueues")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/poison")] HttpRequest request) =>
        api.ReadAsync(request, List, async _ => NoQuery.Check(request) is { } unknown ? unknown : await poison.ListAsync(request.HttpContext.RequestAborted));

    [Function("RequeuePoisonMessages")]
    public Task<IActionResult> RequeueAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/poison/{queue}/requeue")] HttpRequest request, string queue) =>
        api.WriteAsync<RequeuePoisonRequest, int>(request, Requeue,
            body => body.Validate(),
            (_, limit, _) => poison.RequeueAsync(queue, limit, CancellationToken.None));
}
