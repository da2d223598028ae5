using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Merchants;

public sealed class MerchantFunctions(ApiPipeline api, CreateMerchant create, GetMerchant get, UpdateMerchant update)
{
    private static readonly ApiRoute Create = new("merchants.create", AccessPolicy.AdminOnly);
    private static readonly ApiRoute Retrieve = new("merchants.retrieve", AccessPolicy.AdminOrSecretKey);
    private static readonly ApiRoute Update = new("merchants.update", AccessPolicy.AdminOrSecretKey);

    [Function(nameof(CreateMerchant))]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/merchants")] HttpRequest request) =>
        api.WriteAsync<CreateMerchantRequest, CreateMerchantCommand>(request, Create,
            body => body.Validate(),
            (_, command, lease) => create.HandleAsync(command, lease, CancellationToken.None));

    [Function(nameof(GetMerchant))]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/merchants/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => get.HandleAsync(call.AuthenticatedCaller, id, request.HttpContext.RequestAborted));

    [Function(nameof(UpdateMerchant))]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v1/merchants/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<UpdateMerchantRequest, string>(request, Update,
            body => body.Validate(),
            (call, apiVersion, _) => update.HandleAsync(call.AuthenticatedCaller, id, apiVersion, CancellationToken.None));
}
