using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>
/// A dispute's later changes: the merchant's evidence (and its submission), and the sandbox issuer's decision. Each
/// reads the dispute, decides, and commits the dispute with its event (and, when won, the reinstatement's postings)
/// in one ETag-guarded batch; if the dispute changed meanwhile it reads and decides again.
/// </summary>
public sealed class DisputeChanges(IDisputeStore store, IDisputeSchedule schedule, IOptions<DisputeOptions> options, TimeProvider clock, ILogger<DisputeChanges> logger)
{
    private const int MaxAttempts = 5;

    private sealed record Outcome(Dispute Dispute, LedgerTransaction? Ledger, string EventType, StoredResponse Response, DisputeWork? Scheduled);

    public async Task<Result<StoredResponse>> RespondAsync(Caller.Merchant caller, string disputeId, UpdateDisputeCommand command, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        !PrefixedId.IsWellFormed(disputeId, "dp") ? Errors.ResourceMissing("dispute") : await ChangeAsync(caller.Scope, disputeId, lease, dispute =>
        {
            var responded = dispute.Respond(command.Evidence, command.Submit, clock.GetUtcNow());
            if (!responded.IsSuccess) return responded.Error!;
            var after = responded.Value!;
            // A submission's decision is due later; scheduled before the commit, it finds a submission that never committed still needing a response, and is dropped.
            var decision = command.Submit ? new DisputeWork(DisputeWorkKind.Decide, after.Scope, after.Id, clock.GetUtcNow() + options.Value.SandboxDecideAfter) : null;
            return new Outcome(after, null, EventTypes.DisputeUpdated, StoredResponse.Of(200, DisputeView.From(after)), decision);
        }, cancellationToken);

    /// <summary>The sandbox issuer decides a dispute under review; anything else (already decided, never submitted, missing) is left alone.</summary>
    public async Task<bool> DecideAsync(string scope, string disputeId, CancellationToken cancellationToken)
    {
        var decided = await ChangeAsync(scope, disputeId, null, dispute =>
        {
            var closed = dispute.DecideInSandbox();
            if (!closed.IsSuccess) return closed.Error!;
            var after = closed.Value!;
            var ledger = after.Status == DisputeStatus.Won
                ? LedgerTransaction.Create(scope, after.Currency, LedgerTypes.DisputeReinstatement, after.Id, DisputePostings.ForReinstatement(after), clock)
                : null;
            return new Outcome(after, ledger, EventTypes.DisputeClosed, StoredResponse.Of(200, DisputeView.From(after)), null);
        }, cancellationToken);
        if (decided.IsSuccess) logger.LogInformation("Dispute {DisputeId} of {Scope} decided in the sandbox", disputeId, scope);
        return decided.IsSuccess;
    }

    /// <summary>Closes as lost a dispute whose evidence is overdue; one submitted, decided or not yet due is left alone.</summary>
    public async Task<bool> ExpireAsync(string scope, string disputeId, CancellationToken cancellationToken)
    {
        var expired = await ChangeAsync(scope, disputeId, null, dispute =>
        {
            var lost = dispute.Expire(clock.GetUtcNow());
            return lost.IsSuccess ? new Outcome(lost.Value!, null, EventTypes.DisputeClosed, StoredResponse.Of(200, DisputeView.From(lost.Value!)), null) : lost.Error!;
        }, cancellationToken);
        if (expired.IsSuccess) logger.LogInformation("Dispute {DisputeId} of {Scope} lost: no evidence was submitted by its due time", disputeId, scope);
        return expired.IsSuccess;
    }

    /// <summary>Reads the dispute, decides, and commits the change with its event in one ETag-guarded batch; if the dispute changed meanwhile, reads and decides again.</summary>
    private async Task<Result<StoredResponse>> ChangeAsync(string scope, string disputeId, IdempotencyLease? lease, Func<Dispute, Result<Outcome>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dispute = await store.GetAsync(scope, disputeId, cancellationToken);
            if (dispute is null) return Errors.ResourceMissing("dispute");
            var decided = decide(dispute);
            if (!decided.IsSuccess) return decided.Error!;
            var outcome = decided.Value!;
            if (outcome.Scheduled is not null) await schedule.ScheduleAsync(outcome.Scheduled, cancellationToken);
            var changed = PlatformEvent.Of(outcome.EventType, scope, outcome.Dispute.Mode, DisputeView.From(outcome.Dispute), clock);
            try
            {
                await store.UpdateAsync(new DisputeChange(outcome.Dispute, null, outcome.Ledger, changed, lease?.Complete(outcome.Response)), cancellationToken);
                return outcome.Response;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the dispute first: decide again on what it is now.
            }
        }
    }
}
