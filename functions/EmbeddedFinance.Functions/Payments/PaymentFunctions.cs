using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Payments;

public sealed class PaymentFunctions(ApiPipeline api, CreatePayment create, PaymentTransitions transitions, PaymentQueries queries)
{
    private static readonly ApiRoute Create = new("payments.create", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)), IdempotencyKeyRequired: true);
    private static readonly ApiRoute Capture = new("payments.capture", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)));
    private static readonly ApiRoute Cancel = new("payments.cancel", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)));
    private static readonly ApiRoute Approve = new("payments.approve", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)));
    private static readonly ApiRoute Reject = new("payments.reject", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)));
    private static readonly ApiRoute Refund = new("payments.refund", AccessPolicy.Needs(Permission.Write(ApiResources.Refunds)), IdempotencyKeyRequired: true);
    private static readonly ApiRoute Retrieve = new("payments.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Payments)));
    private static readonly ApiRoute List = new("payments.list", AccessPolicy.Needs(Permission.Read(ApiResources.Payments)));

    [Function(nameof(CreatePayment))]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments")] HttpRequest request) =>
        api.WriteAsync<CreatePaymentRequest, CreatePaymentCommand>(request, Create,
            body => body.Validate(),
            (call, command, lease) => create.HandleAsync(call.Merchant, command, lease, CancellationToken.None));

    [Function("CapturePayment")]
    public Task<IActionResult> CaptureAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/capture")] HttpRequest request, string id) =>
        api.WriteAsync<AmountRequest, AmountRequest>(request, Capture,
            body => body.Validate(),
            (call, body, lease) => transitions.CaptureAsync(call.Merchant, id, body.Amount, lease, CancellationToken.None));

    [Function("CancelPayment")]
    public Task<IActionResult> CancelAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/cancel")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Cancel,
            body => body.Validate(),
            (call, _, lease) => transitions.CancelAsync(call.Merchant, id, lease, CancellationToken.None));

    [Function("ApprovePayment")]
    public Task<IActionResult> ApproveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/approve")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Approve,
            body => body.Validate(),
            (call, _, lease) => transitions.ApproveAsync(call.Merchant, id, lease, CancellationToken.None));

    [Function("RejectPayment")]
    public Task<IActionResult> RejectAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/reject")] HttpRequest request, string id) =>
        api.WriteAsync<EmptyRequest, EmptyRequest>(request, Reject,
            body => body.Validate(),
            (call, _, lease) => transitions.RejectAsync(call.Merchant, id, lease, CancellationToken.None));

    [Function("RefundPayment")]
    public Task<IActionResult> RefundAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/refunds")] HttpRequest request, string id) =>
        api.WriteAsync<RefundRequest, RefundRequest>(request, Refund,
            body => body.Validate(),
            (call, body, lease) => transitions.RefundAsync(call.Merchant, id, body.Amount, body.RefundApplicationFee ?? false, lease, CancellationToken.None));

    [Function("GetPayment")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payments/{id}")] HttpRequest request, string id) =>
        api.ReadAsync(request, Retrieve, call => queries.GetAsync(call.Merchant, id, request.HttpContext.RequestAborted));

    [Function("ListPayments")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payments")] HttpRequest request) =>
        api.ReadAsync(request, List, async call =>
        {
            var page = ListQuery.Parse(request, "pay");
            return page.IsSuccess ? await queries.ListAsync(call.Merchant, page.Value!, request.HttpContext.RequestAborted) : page.Error!;
        });
}
