using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>What opening a payment's dispute came to.</summary>
public enum OpenOutcome
{
    /// <summary>The dispute opened now.</summary>
    Opened,

    /// <summary>The payment is still authorized only: its dispute can come once it is captured.</summary>
    NotYetCaptured,

    /// <summary>Nothing to do: the payment is missing, already disputed, not captured for good, or refunded in full.</summary>
    Nothing,
}

/// <summary>
/// Opens a payment's dispute for all that is left of it after refunds (ADR 018): the dispute, the payment marked
/// disputed under its ETag, the withdrawal's postings and <c>dispute.created</c> commit in one batch. Two runs racing
/// for one payment read the same ETag and only one batch wins; the loser re-reads, finds the payment disputed and
/// stops, so a payment is disputed exactly once.
/// </summary>
public sealed class OpenDispute(IPaymentStore payments, IDisputeStore disputes, IDisputeSchedule schedule, IOptions<DisputeOptions> options, TimeProvider clock, ILogger<OpenDispute> logger)
{
    private const int MaxAttempts = 5;

    public async Task<OpenOutcome> OpenAsync(string scope, string paymentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var payment = await payments.GetAsync(scope, paymentId, cancellationToken);
            if (payment is { Status: PaymentStatus.RequiresCapture, DisputeId: null }) return OpenOutcome.NotYetCaptured;
            if (payment is not { Status: PaymentStatus.Succeeded, DisputeId: null } || DisputeAllocation.Disputable(payment) == 0) return OpenOutcome.Nothing;

            var now = clock.GetUtcNow();
            var amount = DisputeAllocation.Disputable(payment);
            var dispute = new Dispute(PrefixedId.New("dp", clock), scope, payment.Mode, payment.Id, amount, payment.Currency, Dispute.SandboxReason,
                DisputeStatus.NeedsResponse, now + options.Value.EvidenceWindow, now, DisputeAllocation.Of(payment, amount), options.Value.Fee, DisputeEvidence.None, null);
            var ledger = LedgerTransaction.Create(scope, payment.Currency, LedgerTypes.DisputeWithdrawal, dispute.Id, DisputePostings.ForWithdrawal(dispute), clock);
            var created = PlatformEvent.Of(EventTypes.DisputeCreated, scope, payment.Mode, DisputeView.From(dispute), clock);
            // Before the commit (ADR 010): a deadline for a dispute that never committed finds nothing, and is dropped.
            await schedule.ScheduleAsync(new DisputeWork(DisputeWorkKind.Expire, scope, dispute.Id, dispute.EvidenceDueBy), cancellationToken);
            try
            {
                await disputes.CreateAsync(new DisputeChange(dispute, payment with { DisputeId = dispute.Id }, ledger, created, null), cancellationToken);
                logger.LogInformation("Dispute {DisputeId} opened on payment {PaymentId} of {Scope} for {Amount} (fee {Fee}, event {EventId})",
                    dispute.Id, payment.Id, scope, amount, dispute.Fee, created.Id);
                return OpenOutcome.Opened;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // The payment changed (a refund, or another run opening its dispute): decide again on what it is now.
            }
        }
    }
}
