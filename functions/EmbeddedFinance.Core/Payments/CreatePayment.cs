using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Vault;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// Authorizes a tokenized card with the acquirer and records the payment — approved or declined — in one batch
/// with its ledger postings (when captured), its event and its idempotency record.
/// </summary>
public sealed class CreatePayment(
    IPaymentStore payments,
    IAccountStore accounts,
    CardAuthorizationReader cards,
    IAcquirer acquirer,
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

        var decision = await acquirer.AuthorizeAsync(card.Value!, command.Amount, cancellationToken);
        var authorized = new Payment(
            PrefixedId.New("pay", clock), caller.Scope, caller.Mode, command.Amount.Amount, command.Amount.Currency, PaymentStatus.RequiresCapture,
            command.Capture, 0, 0, command.ApplicationFeeAmount, command.Splits, card.Value!.Token, command.Description, command.Metadata,
            null, null, clock.GetUtcNow());

        var (payment, ledger, eventType, answer) = decision switch
        {
            AcquirerDecision.Declined declined => Declined(authorized, declined),
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

        logger.LogInformation("Payment {PaymentId} {Status} for {Amount} (event {EventId})", payment.Id, payment.Status.ApiName(), command.Amount, created.Id);
        return answer;
    }

    private (Payment, LedgerTransaction?, string, Result<StoredResponse>) Captured(Payment captured) => (
        captured,
        LedgerTransaction.Create(captured.Scope, captured.Currency, LedgerTypes.Capture, captured.Id, PaymentPostings.ForCapture(captured), clock),
        EventTypes.PaymentSucceeded,
        StoredResponse.Of(201, PaymentView.From(captured)));

    /// <summary>A decline is stored like any payment, yet answered as a 402 refusal, rendered where every other refusal is.</summary>
    private static (Payment, LedgerTransaction?, string, Result<StoredResponse>) Declined(Payment authorized, AcquirerDecision.Declined declined)
    {
        var failed = authorized with { Status = PaymentStatus.Failed, FailureCode = declined.Code, FailureMessage = declined.Message };
        var problem = new ApiError(402, declined.Code, declined.Message, "payment_method") { Extensions = new Dictionary<string, string> { ["payment"] = failed.Id } };
        return (failed, null, EventTypes.PaymentFailed, problem);
    }
}
