using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Webhooks;

public sealed class WebhookEndpointFunctions(ApiPipeline api, WebhookEndpoints endpoints, WebhookRecovery recovery)
{
    private static readonly ApiRoute Create = new("webhook_endpoints.create", AccessPolicy.Needs(Permission.Write(ApiResources.WebhookEndpoints)));
    private static readonly ApiRoute Retrieve = new("webhook_endpoints.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.WebhookEndpoints)));
    private static readonly ApiRoute List = new("webhook_endpoints.list", AccessPolicy.Needs(Permission.Read(ApiResources.WebhookEndpoints)));
    private static readonly ApiRoute Update = new("webhook_endpoints.update", AccessPolicy.Needs(Permission.Write(ApiResources.WebhookEndpoints)));
    private static readonly ApiRoute Delete = new("webhook_endpoints.delete", AccessPolicy.Needs(Permission.Write(ApiResources.WebhookEndpoints)));
    private static readonly ApiRoute Rotate = new("webhook_endpoints.rotate_secret", AccessPolicy.Needs(Permission.Write(ApiResources.WebhookEndpoints)));
    private static readonly ApiRoute Recover = new("webhook_endpoints.recover", AccessPolicy.Needs(Permission.Write(ApiResources.Events)));

    [Function("CreateWebhookEndpoint")]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhook_endpoints")] HttpRequest request) =>
        api.WriteAsync<CreateWebhookEndpointRequest, CreateWebhookEndpointCommand>(request, Create,
            body => body.Validate(),
            (call, command, lease) => endpoints.CreateAsync(call.Merchant, command with { ApiVersion = command.ApiVersion ?? call.PinnedVersion }, lease, CancellationToken.None));

    [Function("GetWebhookEndpoint")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/webhook_endpoints/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => endpoints.GetAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListWebhookEndpoints")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/webhook_endpoints")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "we");
            return page.IsSuccess ? await endpoints.ListAsync(call.Merchant, page.Value!, request.HttpContext.RequestAborted) : page.Error!;
        });

    [Function("UpdateWebhookEndpoint")]
    public Task<IActionResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v1/webhook_endpoints/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<UpdateWebhookEndpointRequest, UpdateWebhookEndpointCommand>(request, Update,
            body => body.Validate(),
            (call, command, lease) => endpoints.UpdateAsync(call.Merchant, id, command, lease, CancellationToken.None));

    [Function("DeleteWebhookEndpoint")]
    public Task<IActionResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/webhook_endpoints/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Delete,
            body => body.Validate(),
            (call, _, lease) => endpoints.DeleteAsync(call.Merchant, id, lease, CancellationToken.None));

    [Function("RotateWebhookSecret")]
    public Task<IActionResult> RotateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhook_endpoints/{id}/rotate_secret")] HttpRequest request, string id) =>
        api.WriteAsync<RotateWebhookSecretRequest, TimeSpan>(request, Rotate,
            body => body.Validate(),
            (call, overlap, lease) => endpoints.RotateSecretAsync(call.Merchant, id, overlap, lease, CancellationToken.None));

    [Function("RecoverWebhookEndpoint")]
    public Task<IActionResult> RecoverAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhook_endpoints/{id}/recover")] HttpRequest request, string id) =>
        api.WriteAsync<RecoverWebhookEndpointRequest, RecoverWebhookEndpointCommand>(request, Recover,
            body => body.Validate(),
            (call, command, _) => recovery.RecoverAsync(call.Merchant, id, command, CancellationToken.None));
}
