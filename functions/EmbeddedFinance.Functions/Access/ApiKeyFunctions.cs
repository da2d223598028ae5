using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Access;

public sealed class ApiKeyFunctions(ApiPipeline api, ApiKeys keys, TimeProvider clock)
{
    private static readonly ApiRoute Create = new("api_keys.create", AccessPolicy.KeyManagement);
    private static readonly ApiRoute List = new("api_keys.list", AccessPolicy.KeyManagement);
    private static readonly ApiRoute Roll = new("api_keys.roll", AccessPolicy.KeyManagement);
    private static readonly ApiRoute Revoke = new("api_keys.revoke", AccessPolicy.KeyManagement);

    [Function("CreateApiKey")]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/api_keys")] HttpRequest request) =>
        api.WriteAsync<CreateApiKeyRequest, CreateApiKeyCommand>(request, Create,
            body => body.Validate(clock.GetUtcNow()),
            (call, command, lease) => keys.CreateAsync(call.Merchant, command, lease, CancellationToken.None));

    [Function("ListApiKeys")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/api_keys")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "key");
            return page.IsSuccess ? await keys.ListAsync(call.Merchant, page.Value!, request.HttpContext.RequestAborted) : page.Error!;
        });

    [Function("RollApiKey")]
    public Task<IActionResult> RollAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/api_keys/{id}/roll")] HttpRequest request, string id) =>
        api.WriteAsync<RollApiKeyRequest, TimeSpan>(request, Roll,
            body => body.Validate(),
            (call, overlap, lease) => keys.RollAsync(call.Merchant, id, overlap, lease, CancellationToken.None));

    [Function("RevokeApiKey")]
    public Task<IActionResult> RevokeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/api_keys/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Revoke,
            body => body.Validate(),
            (call, _, lease) => keys.RevokeAsync(call.Merchant, id, lease, CancellationToken.None));
}
