using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/payments</c>: charge a token, capture, cancel, refund, read and list.</summary>
public sealed class PaymentsService
{
    private readonly ApiTransport api;

    internal PaymentsService(ApiTransport api) => this.api = api;

    /// <summary>Charges a token. A decline or a risk block throws <see cref="ApiException"/> (402, <c>card_declined</c>…, <c>payment_blocked</c>) whose problem names the failed payment (<c>ProblemMember("payment")</c>).</summary>
    public Task<Payment> CreateAsync(CreatePaymentRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Payment>("v1/payments", request, options, cancellationToken);

    /// <summary>Captures an authorized payment, all of it or <see cref="CapturePaymentRequest.Amount"/>.</summary>
    public Task<Payment> CaptureAsync(string id, CapturePaymentRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Payment>($"v1/payments/{Segment(id)}/capture", request ?? new CapturePaymentRequest(), options, cancellationToken);

    /// <summary>Cancels an authorized payment.</summary>
    public Task<Payment> CancelAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Payment>($"v1/payments/{Segment(id)}/cancel", new { }, options, cancellationToken);

    /// <summary>Refunds a captured payment, all that remains or <see cref="RefundPaymentRequest.Amount"/>.</summary>
    public Task<Refund> RefundAsync(string id, RefundPaymentRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Refund>($"v1/payments/{Segment(id)}/refunds", request ?? new RefundPaymentRequest(), options, cancellationToken);

    /// <summary>Approves a payment a risk rule held (<c>requires_review</c>): it is captured (automatic capture) or waits for capture (manual). Emits <c>review.closed</c>.</summary>
    public Task<Payment> ApproveAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Payment>($"v1/payments/{Segment(id)}/approve", new { }, options, cancellationToken);

    /// <summary>Rejects a payment a risk rule held (<c>requires_review</c>): its authorization is released and it is <c>canceled</c>. Emits <c>review.closed</c>.</summary>
    public Task<Payment> RejectAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Payment>($"v1/payments/{Segment(id)}/reject", new { }, options, cancellationToken);

    /// <summary>Reads one payment.</summary>
    public Task<Payment> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Payment>($"v1/payments/{Segment(id)}", options, cancellationToken);

    /// <summary>One page of payments, oldest first.</summary>
    public Task<Page<Payment>> ListAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Payment>>(Query("v1/payments", list), options, cancellationToken);

    /// <summary>Every payment, page after page as the enumeration goes.</summary>
    public IAsyncEnumerable<Payment> ListAllAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<Payment>("v1/payments", list, null, options, cancellationToken);
}
