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

    public async Task<Result<StoredResponse>> RespondAsync(Caller.Merchant caller, string disputeId, UpdateDisputeCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dispute = PrefixedId.IsWellFormed(disputeId, "dp") ? await store.GetAsync(caller.Scope, disputeId, cancellationToken) : null;
            if (dispute is null) return Errors.ResourceMissing("dispute");
            var responded = dispute.Respond(command.Evidence, command.Submit, clock.GetUtcNow());
            if (!responded.IsSuccess) return responded.Error!;
            var after = responded.Value!;
            var response = StoredResponse.Of(200, DisputeView.From(after));
            if (command.Submit)
            {
                // Before the commit: a decision due for a dispute whose submission never committed finds it still needing a response, and is dropped.
                await schedule.ScheduleAsync(new DisputeWork(DisputeWorkKind.Decide, after.Scope, after.Id, clock.GetUtcNow() + options.Value.SandboxDecideAfter), cancellationToken);
            }
            var updated = PlatformEvent.Of(EventTypes.DisputeUpdated, caller.Scope, caller.Mode, DisputeView.From(after), clock);
            try
            {
                await store.UpdateAsync(new DisputeChange(after, null, null, updated, lease?.Complete(response)), cancellationToken);
                return response;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed the dispute first: decide again on what it is now.
            }
        }
    }

    /// <summary>The sandbox issuer decides a dispute under review; anything else (already decided, never submitted, missing) is left alone.</summary>
    public async Task<bool> DecideAsync(string scope, string disputeId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dispute = await store.GetAsync(scope, disputeId, cancellationToken);
            if (dispute is not { Status: DisputeStatus.UnderReview }) return false;
            var decided = dispute.DecideInSandbox().Value!;
            var ledger = decided.Status == DisputeStatus.Won
                ? LedgerTransaction.Create(scope, decided.Currency, LedgerTypes.DisputeReinstatement, decided.Id, DisputePostings.ForReinstatement(decided), clock)
                : null;
            var closed = PlatformEvent.Of(EventTypes.DisputeClosed, scope, decided.Mode, DisputeView.From(decided), clock);
            try
            {
                await store.UpdateAsync(new DisputeChange(decided, null, ledger, closed, null), cancellationToken);
                logger.LogInformation("Dispute {DisputeId} of {Scope} {Status} (event {EventId})", decided.Id, scope, decided.Status.ApiName(), closed.Id);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
