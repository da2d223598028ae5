using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Vault;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// Screens a tokenized card for risk, authorizes it with the acquirer unless a rule blocks it, and records the payment —
/// approved, held for review, blocked or declined — in one batch with its ledger postings (when captured), its event and
/// its idempotency record.
/// </summary>
public sealed class CreatePayment(
    IPaymentStore payments,
    IAccountStore accounts,
    CardAuthorizationReader cards,
    IAcquirer acquirer,
    RiskScreening risk,
    IDisputeSchedule disputes,
    IOptions<DisputeOptions> disputeOptions,
    TimeProvider clock,
    ILogger<CreatePayment> logger)
{
    public async Task<Result<StoredResponse>> HandleAsync(Caller.Merchant caller, CreatePaymentCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        if (caller.Mode == Mode.Live) return Errors.Forbidden("Live payments are not enabled on this platform yet; use a test key.");
        var card = await cards.OpenAsync(caller.Scope, command.TokenId, "payment_method", cancellationToken);
        if (!card.IsSuccess) return card.Error!;
        for (var i = 0; i < command.Splits.Count; i++)
        {
            if (!await accounts.ExistsAsync(caller.Scope, command.Splits[i].Account, cancellationToken))
            {
                return Errors.ResourceMissing("account", $"splits[{i}].account");
            }
        }

        // Counted before the acquirer and before the batch: an attempt counts even if it is blocked, declined or cut off
        // by a crash; a replay of a completed request never gets here (ADR 024).
        var assessment = await risk.AssessAsync(caller.Scope, caller.Mode, card.Value!, command.Amount, command.Client, cancellationToken);
        var authorized = new Payment(
            PrefixedId.New("pay", clock), caller.Scope, caller.Mode, command.Amount.Amount, command.Amount.Currency, PaymentStatus.RequiresCapture,
            command.Capture, 0, 0, command.ApplicationFeeAmount, command.Splits, card.Value!.Token, command.Description, command.Metadata,
            null, null, clock.GetUtcNow()) { Risk = assessment };

        var decision = assessment?.Outcome == RiskAction.Block ? null : await acquirer.AuthorizeAsync(card.Value!, command.Amount, cancellationToken);
        var (payment, ledger, eventType, answer) = decision switch
        {
            null => Blocked(authorized),
            AcquirerDecision.Declined declined => Declined(authorized, declined),
            _ when assessment?.Outcome == RiskAction.Review => Held(authorized),
            _ when command.Capture => Captured(authorized.Capture(null).Value!),
            _ => (authorized, null, EventTypes.PaymentRequiresCapture, StoredResponse.Of(201, PaymentView.From(authorized))),
        };
        if (decision is AcquirerDecision.Approved { DisputedLater: true })
        {
            // Before the commit (ADR 010): a crash leaves at most a due row for a payment that does not exist, dropped when due.
            await disputes.ScheduleAsync(new DisputeWork(DisputeWorkKind.Open, payment.Scope, payment.Id, clock.GetUtcNow() + disputeOptions.Value.SandboxAfter), cancellationToken);
        }
        var created = PlatformEvent.Of(eventType, caller.Scope, caller.Mode, PaymentView.From(payment), clock);
        var completion = lease is null ? null : answer.IsSuccess ? lease.Complete(answer.Value!) : lease.Complete(answer.Error!);
        await payments.CreateAsync(new PaymentChange(payment, ledger, null, created, completion), cancellationToken);
        if (decision is AcquirerDecision.Declined) await risk.RecordDeclineAsync(caller.Scope, card.Value!.Token, cancellationToken);
        else if (decision is AcquirerDecision.Approved && payment.Status != PaymentStatus.RequiresReview) await risk.ObserveAsync(caller.Scope, command.Amount, cancellationToken);

        logger.LogInformation("Payment {PaymentId} {Status} for {Amount} (event {EventId})", payment.Id, payment.Status.ApiName(), command.Amount, created.Id);
        return answer;
    }

    private (Payment, LedgerTransaction?, string, Result<StoredResponse>) Captured(Payment captured) => (
        captured,
        LedgerTransaction.Create(captured.Scope, captured.Currency, LedgerTypes.Capture, captured.Id, PaymentPostings.ForCapture(captured), clock),
        EventTypes.PaymentSucceeded,
        StoredResponse.Of(201, PaymentView.From(captured)));

    /// <summary>Authorized, but held: nothing is captured (so nothing is posted or settled) until a reviewer approves.</summary>
    private static (Payment, LedgerTransaction?, string, Result<StoredResponse>) Held(Payment authorized)
    {
        var held = authorized with { Status = PaymentStatus.RequiresReview };
        return (held, null, EventTypes.ReviewOpened, StoredResponse.Of(201, PaymentView.From(held)));
    }

    /// <summary>Refused by a risk rule before the acquirer: stored as a failed payment, like a decline, so the 402 names a payment that exists.</summary>
    private static (Payment, LedgerTransaction?, string, Result<StoredResponse>) Blocked(Payment screened)
    {
        const string message = "The payment was blocked by the merchant's risk rules; the card was not charged.";
        var failed = screened with { Status = PaymentStatus.Failed, FailureCode = "blocked", FailureMessage = message };
        var problem = new ApiError(402, "payment_blocked", message, "payment_method") { Extensions = new Dictionary<string, string> { ["payment"] = failed.Id } };
        return (failed, null, EventTypes.PaymentFailed, problem);
    }

    /// <summary>A decline is stored like any payment, yet answered as a 402 refusal, rendered where every other refusal is.</summary>
    private static (Payment, LedgerTransaction?, string, Result<StoredResponse>) Declined(Payment authorized, AcquirerDecision.Declined declined)
    {
        var failed = authorized with { Status = PaymentStatus.Failed, FailureCode = declined.Code, FailureMessage = declined.Message };
        var problem = new ApiError(402, declined.Code, declined.Message, "payment_method") { Extensions = new Dictionary<string, string> { ["payment"] = failed.Id } };
        return (failed, null, EventTypes.PaymentFailed, problem);
    }
}
