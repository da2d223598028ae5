using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Functions.OpenApi;
using EmbeddedFinance.Functions.Recovery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Webhooks;

public sealed class EventFunctions(ApiPipeline api, MerchantEvents events, DeliverWebhook deliver, QueueWork work)
{
    private static readonly ApiRoute Retrieve = new("events.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Events)));
    private static readonly ApiRoute List = new("events.list", AccessPolicy.Needs(Permission.Read(ApiResources.Events)));
    private static readonly ApiRoute Deliveries = new("events.deliveries", AccessPolicy.Needs(Permission.Read(ApiResources.Events)));
    private static readonly ApiRoute Types = new("event_types.list", AccessPolicy.Needs(Permission.Read(ApiResources.Events)));
    private static readonly ApiRoute Redeliver = new("events.redeliver", AccessPolicy.Needs(Permission.Write(ApiResources.Events)));

    [Function("GetEvent")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/events/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => events.GetAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListEvents")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/events")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "evt");
            var type = request.Query["type"].ToString();
            var about = request.Query["object"].ToString();
            return page.IsSuccess
                ? await events.ListAsync(call.Merchant, page.Value!, type.Length == 0 ? null : type, about.Length == 0 ? null : about, request.HttpContext.RequestAborted)
                : page.Error!;
        });

    [Function("ListEventTypes")]
    public Task<IActionResult> TypesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/event_types")] HttpRequest request) =>
        api.ReadAsync(request, Types, _ => Task.FromResult<Result<StoredResponse>>(NoQuery.Check(request) is { } unknown ? unknown : StoredResponse.Of(200, EventTypeSchemas.List())));

    [Function("ListEventDeliveries")]
    public Task<IActionResult> DeliveriesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/events/{id}/deliveries")] HttpRequest request, string id) =>
        api.ReadAsync(request, Deliveries, call => events.DeliveriesAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("RedeliverEvent")]
    public Task<IActionResult> RedeliverAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/events/{id}/redeliver")] HttpRequest request, string id) =>
        api.WriteAsync<RedeliverEventRequest, RedeliverEventCommand>(request, Redeliver,
            body => body.Validate(),
            (call, command, _) => events.RedeliverAsync(call.Merchant, id, command, CancellationToken.None));

    [Function(nameof(DeliverWebhook))]
    public Task DeliverAsync([QueueTrigger("%Queues:Webhooks%")] WebhookDelivery delivery, CancellationToken cancellationToken) =>
        work.RunAsync(nameof(DeliverWebhook), queues => queues.Webhooks, delivery, () => deliver.HandleAsync(delivery, cancellationToken), cancellationToken);
}
