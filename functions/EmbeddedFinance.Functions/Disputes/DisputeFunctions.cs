using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Disputes;

/// <summary>Disputes: read and answered with the payments permission (a dispute is part of its payment), and the sandbox's timer.</summary>
public sealed class DisputeFunctions(ApiPipeline api, DisputeChanges changes, DisputeQueries queries, RunSandboxDisputes sandbox)
{
    private static readonly ApiRoute Update = new("disputes.update", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)));
    private static readonly ApiRoute Retrieve = new("disputes.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Payments)));
    private static readonly ApiRoute List = new("disputes.list", AccessPolicy.Needs(Permission.Read(ApiResources.Payments)));

    [Function("UpdateDispute")]
    public Task<IActionResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/disputes/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<UpdateDisputeRequest, UpdateDisputeCommand>(request, Update,
            body => body.Validate(),
            (call, command, lease) => changes.RespondAsync(call.Merchant, id, command, lease, CancellationToken.None));

    [Function("GetDispute")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/disputes/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => queries.GetAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListDisputes")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/disputes")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "dp");
            return page.IsSuccess ? await queries.ListAsync(call.Merchant, page.Value!, request.HttpContext.RequestAborted) : page.Error!;
        });

    [Function("SandboxDisputes")]
    public Task RunSandboxAsync([TimerTrigger("%Schedules:SandboxDisputes%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sandbox.RunAsync(cancellationToken);
}
