using EmbeddedFinance.Azure.Payouts;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Functions.Recovery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Payouts;

public sealed class PayoutFunctions(ApiPipeline api, CreatePayout create, PayoutQueries queries, SubmitPayout submit, CompletePayout complete, QueueWork work)
{
    private static readonly ApiRoute Create = new("payouts.create", AccessPolicy.Needs(Permission.Write(ApiResources.Payouts)), IdempotencyKeyRequired: true);
    private static readonly ApiRoute Retrieve = new("payouts.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Payouts)));
    private static readonly ApiRoute List = new("payouts.list", AccessPolicy.Needs(Permission.Read(ApiResources.Payouts)));

    [Function(nameof(CreatePayout))]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payouts")] HttpRequest request) =>
        api.WriteAsync<CreatePayoutRequest, CreatePayoutCommand>(request, Create,
            body => body.Validate(),
            (call, command, lease) => create.HandleAsync(call.Merchant, command, lease, CancellationToken.None));

    [Function("GetPayout")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payouts/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => queries.GetAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListPayouts")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payouts")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "po");
            var account = request.Query["account"].ToString();
            return page.IsSuccess
                ? await queries.ListAsync(call.Merchant, page.Value!, account.Length == 0 ? null : account, request.HttpContext.RequestAborted)
                : page.Error!;
        });

    [Function(nameof(SubmitPayout))]
    public Task SubmitAsync([QueueTrigger("%Queues:Payouts%")] PayoutSubmission submission, CancellationToken cancellationToken) =>
        work.RunAsync(nameof(SubmitPayout), queues => queues.Payouts, submission,
            () => submit.HandleAsync(submission.Scope, submission.PayoutId, cancellationToken), cancellationToken);

    [Function(nameof(CompletePayout))]
    public Task CompleteAsync([QueueTrigger("%Queues:PayoutReports%")] PayoutRailReport report, CancellationToken cancellationToken) =>
        work.RunAsync(nameof(CompletePayout), queues => queues.PayoutReports, report, () => complete.HandleAsync(report, cancellationToken), cancellationToken);
}
