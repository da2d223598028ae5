using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Vault;

public sealed class TokenFunctions(ApiPipeline api, TokenizeCard tokenize, GetToken get, TimeProvider clock)
{
    private static readonly ApiRoute Create = new("tokens.create", AccessPolicy.NeedsOrPublishable(Permission.Write(ApiResources.Tokens))) { UnfingerprintedMembers = ["card.cvc"] };
    private static readonly ApiRoute Retrieve = new("tokens.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Tokens)));

    [Function("CreateToken")]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/tokens")] HttpRequest request) =>
        api.WriteAsync<CreateTokenRequest, TokenizeCardCommand>(request, Create,
            body => body.Validate(clock.GetUtcNow()),
            (call, command, lease) => tokenize.HandleAsync(call.Merchant, command, lease, CancellationToken.None));

    [Function(nameof(GetToken))]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/tokens/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => get.HandleAsync(call.Merchant, id, request.HttpContext.RequestAborted));
}
