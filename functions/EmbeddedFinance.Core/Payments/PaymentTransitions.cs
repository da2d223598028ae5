using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// Capture, cancel and refund. Each reads the payment, decides, and commits the change with its postings, event
/// and idempotency record in one ETag-guarded batch; if the payment changed meanwhile, it reads and decides
/// again, so of two racing requests (capture vs cancel, refunds beyond the amount) exactly one can win.
/// </summary>
public sealed class PaymentTransitions(IPaymentStore store, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    private sealed record Outcome(Payment Payment, LedgerTransaction? Ledger, Refund? Refund, string EventType, StoredResponse Response, string? StatusEventType = null);

    public Task<Result<StoredResponse>> CaptureAsync(Caller.Merchant caller, string paymentId, long? amount, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        ChangeAsync(caller, paymentId, lease, payment =>
        {
            var captured = payment.Capture(amount);
            if (!captured.IsSuccess) return captured.Error!;
            var after = captured.Value!;
            var ledger = LedgerTransaction.Create(after.Scope, after.Currency, LedgerTypes.Capture, after.Id, PaymentPostings.ForCapture(after), clock);
            return new Outcome(after, ledger, null, EventTypes.PaymentCaptured, StoredResponse.Of(200, PaymentView.From(after)));
        }, cancellationToken);

    public Task<Result<StoredResponse>> CancelAsync(Caller.Merchant caller, string paymentId, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        ChangeAsync(caller, paymentId, lease, payment =>
        {
            var canceled = payment.Cancel();
            if (!canceled.IsSuccess) return canceled.Error!;
            return new Outcome(canceled.Value!, null, null, EventTypes.PaymentCanceled, StoredResponse.Of(200, PaymentView.From(canceled.Value!)));
        }, cancellationToken);

    /// <summary>
    /// Approves a held payment: captured now when it was created to capture at once (so it settles from here), else left to
    /// capture. Besides <c>review.closed</c> it emits the event its new status would have had without the review
    /// (<c>payment.succeeded</c> or <c>payment.requires_capture</c>): a merchant that fulfils on those must hear of it.
    /// </summary>
    public Task<Result<StoredResponse>> ApproveAsync(Caller.Merchant caller, string paymentId, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        ChangeAsync(caller, paymentId, lease, payment =>
        {
            var approved = payment.Approve();
            if (!approved.IsSuccess) return approved.Error!;
            var after = approved.Value!;
            var ledger = after.Status == PaymentStatus.Succeeded
                ? LedgerTransaction.Create(after.Scope, after.Currency, LedgerTypes.Capture, after.Id, PaymentPostings.ForCapture(after), clock)
                : null;
            var statusEvent = after.Status == PaymentStatus.Succeeded ? EventTypes.PaymentSucceeded : EventTypes.PaymentRequiresCapture;
            return new Outcome(after, ledger, null, EventTypes.ReviewClosed, StoredResponse.Of(200, PaymentView.From(after)), statusEvent);
        }, cancellationToken);

    /// <summary>Rejects a held payment: nothing was captured, so releasing the authorization is all there is to give back (<c>review.closed</c> and <c>payment.canceled</c>).</summary>
    public Task<Result<StoredResponse>> RejectAsync(Caller.Merchant caller, string paymentId, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        ChangeAsync(caller, paymentId, lease, payment =>
        {
            var rejected = payment.Reject();
            if (!rejected.IsSuccess) return rejected.Error!;
            return new Outcome(rejected.Value!, null, null, EventTypes.ReviewClosed, StoredResponse.Of(200, PaymentView.From(rejected.Value!)), EventTypes.PaymentCanceled);
        }, cancellationToken);

    public Task<Result<StoredResponse>> RefundAsync(Caller.Merchant caller, string paymentId, long? amount, bool refundApplicationFee, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        ChangeAsync(caller, paymentId, lease, payment =>
        {
            var refunded = payment.Refund(amount, refundApplicationFee);
            if (!refunded.IsSuccess) return refunded.Error!;
            var (after, refundAmount) = refunded.Value;
            var refund = new Refund(PrefixedId.New("re", clock), payment.Id, refundAmount, payment.Currency, payment.Mode, clock.GetUtcNow(),
                refundApplicationFee, PaymentPostings.GivenBy(payment, after));
            var ledger = LedgerTransaction.Create(after.Scope, after.Currency, LedgerTypes.Refund, refund.Id, PaymentPostings.ForRefund(payment, after), clock);
            return new Outcome(after, ledger, refund, EventTypes.PaymentRefunded, StoredResponse.Of(201, RefundView.From(refund)));
        }, cancellationToken);

    private async Task<Result<StoredResponse>> ChangeAsync(
        Caller.Merchant caller, string paymentId, IdempotencyLease? lease, Func<Payment, Result<Outcome>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var payment = PrefixedId.IsWellFormed(paymentId, "pay") ? await store.GetAsync(caller.Scope, paymentId, cancellationToken) : null;
            if (payment is null) return Errors.ResourceMissing("payment");
            var decided = decide(payment);
            if (!decided.IsSuccess) return decided.Error!;
            var outcome = decided.Value!;
            var view = PaymentView.From(outcome.Payment);
            var changed = PlatformEvent.Of(outcome.EventType, caller.Scope, caller.Mode, view, clock);
            var statusEvent = outcome.StatusEventType is { } type ? PlatformEvent.Of(type, caller.Scope, caller.Mode, view, clock) : null;
            try
            {
                await store.UpdateAsync(new PaymentChange(outcome.Payment, outcome.Ledger, outcome.Refund, changed, lease?.Complete(outcome.Response), statusEvent), cancellationToken);
                return outcome.Response;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the payment first: decide again on what it is now.
            }
        }
    }
}
