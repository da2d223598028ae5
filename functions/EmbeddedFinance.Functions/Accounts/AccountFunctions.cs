using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Accounts;

public sealed class AccountFunctions(ApiPipeline api, ConnectedAccounts accounts, TimeProvider clock)
{
    private static readonly ApiRoute Create = new("accounts.create", AccessPolicy.Needs(Permission.Write(ApiResources.Accounts)));
    private static readonly ApiRoute Retrieve = new("accounts.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Accounts)));
    private static readonly ApiRoute List = new("accounts.list", AccessPolicy.Needs(Permission.Read(ApiResources.Accounts)));
    private static readonly ApiRoute Update = new("accounts.update", AccessPolicy.Needs(Permission.Write(ApiResources.Accounts)));

    [Function("CreateAccount")]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/accounts")] HttpRequest request) =>
        api.WriteAsync<CreateAccountRequest, CreateAccountCommand>(request, Create,
            body => body.Validate(),
            (call, command, lease) => accounts.CreateAsync(call.Merchant, command, lease, CancellationToken.None));

    [Function("GetAccount")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/accounts/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => accounts.GetAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListAccounts")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/accounts")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "acct");
            return page.IsSuccess ? await accounts.ListAsync(call.Merchant, page.Value!, request.HttpContext.RequestAborted) : page.Error!;
        });

    [Function("UpdateAccount")]
    public Task<IActionResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v1/accounts/{id}")] HttpRequest request, string id) =>
        api.WriteAsync<UpdateAccountRequest, UpdateAccountCommand>(request, Update,
            body => body.Validate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
            (call, command, lease) => accounts.UpdateAsync(call.Merchant, id, command, lease, CancellationToken.None));
}
