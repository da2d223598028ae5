using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// Drives payouts that should have finished by now: a pending one is submitted again, one in transit asks the rail
/// again (the rail is idempotent by payout id and answers with its report). Whatever lost the payout's messages —
/// a bug that poisoned them, a crash, a rail that forgot — the money does not wait on a person. Each check that
/// finds the payout still open schedules the next one further out, so a slow rail is asked less and less often.
/// </summary>
public sealed class RedriveStuckPayouts(IPayoutChecks checks, IPayoutStore store, IPayoutQueue queue, IOptions<RecoveryOptions> options, TimeProvider clock, ILogger<RedriveStuckPayouts> logger)
{
    private const int MaxPerRun = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var driven = 0;
        foreach (var check in await checks.DueAsync(now, MaxPerRun, cancellationToken))
        {
            try
            {
                driven += await DriveAsync(check, now, cancellationToken);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                // One check that fails (a dependency down, a bug) must not hold up the others; it is due again next run.
                logger.LogError(failure, "Redrive of payout {PayoutId} of {Scope} failed; retried on the next run", check.PayoutId, check.Scope);
            }
        }
        return driven;
    }

    /// <summary>Drives the payout if it is still open (and schedules its next check); drops the check either way.</summary>
    private async Task<int> DriveAsync(PayoutCheck check, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payout = await store.GetAsync(check.Scope, check.PayoutId, cancellationToken);
        var open = payout is { IsOpen: true };
        if (open)
        {
            var next = check with { DueAt = now + RecoveryOptions.NextCheckAfter(options.Value.StuckPayoutAfter, check.Checks), Checks = check.Checks + 1 };
            await checks.ScheduleAsync(next, cancellationToken);
            await queue.SubmitAsync(payout!.Scope, payout.Id, cancellationToken);
            logger.LogWarning("Payout {PayoutId} of {Scope} still {Status} {AgeMinutes:0} min after creation; driven again (check {Check}, next at {NextCheck:O})",
                payout.Id, payout.Scope, payout.Status.ApiName(), (now - payout.Created).TotalMinutes, next.Checks, next.DueAt);
        }
        await checks.RemoveAsync(check, cancellationToken);
        return open ? 1 : 0;
    }
}
