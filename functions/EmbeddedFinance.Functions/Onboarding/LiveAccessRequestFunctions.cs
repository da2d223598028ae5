using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Onboarding;

/// <summary>Going live: the merchant's request (secret key), and the operator's decision (admin key).</summary>
public sealed class LiveAccessRequestFunctions(ApiPipeline api, LiveAccess liveAccess)
{
    private static readonly ApiRoute Create = new("live_access_requests.create", AccessPolicy.SecretKeyOnly);
    private static readonly ApiRoute List = new("live_access_requests.list", AccessPolicy.SecretKeyOnly);
    private static readonly ApiRoute Retrieve = new("live_access_requests.retrieve", AccessPolicy.SecretKeyOnly);
    private static readonly ApiRoute Approve = new("live_access_requests.approve", AccessPolicy.AdminOnly);
    private static readonly ApiRoute Reject = new("live_access_requests.reject", AccessPolicy.AdminOnly);

    [Function("CreateLiveAccessRequest")]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/live_access_requests")] HttpRequest request) =>
        api.WriteAsync<CreateLiveAccessRequestRequest, BusinessDetails>(request, Create,
            body => body.Validate(),
            (call, business, _) => liveAccess.RequestAsync(call.Merchant, business, CancellationToken.None));

    [Function("ListLiveAccessRequests")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/live_access_requests")] HttpRequest request) =>
        api.ReadAsync(request, List, async call => NoQuery.Check(request) is { } unknown ? unknown : await liveAccess.ListAsync(call.Merchant, request.HttpContext.RequestAborted));

    /// <summary>A read that may reveal the live keys: once it starts it runs to its end (no abort), so keys are never minted for a reader who went away mid-way and then lost.</summary>
    [Function("GetLiveAccessRequest")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/live_access_requests/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, async call => NoQuery.Check(request) is { } unknown ? unknown : await liveAccess.GetAsync(call.Merchant, id, call.RequestId, CancellationToken.None));

    [Function("ApproveLiveAccessRequest")]
    public Task<IActionResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/live_access_requests/{id}/approve")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Approve,
            body => body.Validate(),
            (call, _, _) => liveAccess.ApproveAsync(call.AuthenticatedCaller, id, call.RequestId, CancellationToken.None));

    [Function("RejectLiveAccessRequest")]
    public Task<IActionResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/live_access_requests/{id}/reject")] HttpRequest request, string id) =>
        api.WriteAsync<RejectLiveAccessRequestRequest, string?>(request, Reject,
            body => body.Validate(),
            (call, reason, _) => liveAccess.RejectAsync(call.AuthenticatedCaller, id, reason, call.RequestId, CancellationToken.None));
}
