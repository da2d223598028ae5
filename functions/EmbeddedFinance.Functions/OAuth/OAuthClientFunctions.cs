using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.OAuth;

/// <summary>Registering partners' OAuth clients is key management: only the merchant's secret key may do it.</summary>
public sealed class OAuthClientFunctions(ApiPipeline api, OAuthClients clients)
{
    private static readonly ApiRoute Create = new("oauth_clients.create", AccessPolicy.KeyManagement);
    private static readonly ApiRoute List = new("oauth_clients.list", AccessPolicy.KeyManagement);
    private static readonly ApiRoute Revoke = new("oauth_clients.revoke", AccessPolicy.KeyManagement);

    [Function("CreateOAuthClient")]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/oauth/clients")] HttpRequest request) =>
        api.WriteAsync<CreateOAuthClientRequest, CreateOAuthClientCommand>(request, Create,
            body => body.Validate(),
            (call, command, lease) => clients.CreateAsync(call.Merchant, command, lease, CancellationToken.None));

    [Function("ListOAuthClients")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/oauth/clients")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "cli");
            return page.IsSuccess ? await clients.ListAsync(call.Merchant, page.Value!, request.HttpContext.RequestAborted) : page.Error!;
        });

    [Function("RevokeOAuthClient")]
    public Task<IActionResult> RevokeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/oauth/clients/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Revoke,
            body => body.Validate(),
            (call, _, lease) => clients.RevokeAsync(call.Merchant, id, lease, CancellationToken.None));
}
