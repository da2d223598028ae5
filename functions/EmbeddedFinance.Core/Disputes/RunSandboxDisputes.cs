using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>
/// The sandbox card holder and issuer: opens the disputes of payments with card 4000 0000 0000 0259 once
/// <c>Disputes:SandboxAfter</c> has passed, decides submitted evidence after <c>Disputes:SandboxDecideAfter</c>, and closes
/// as lost every dispute whose <c>evidence_due_by</c> passed without a submission.
/// Its work is found through due rows (<see cref="IDisputeSchedule"/>), never a scan; each row is removed only once
/// its work is done, so a failed run leaves it due for the next, and running it twice does nothing twice.
/// </summary>
public sealed class RunSandboxDisputes(IDisputeSchedule schedule, OpenDispute open, DisputeChanges changes, IOptions<DisputeOptions> options, TimeProvider clock, ILogger<RunSandboxDisputes> logger)
{
    private const int MaxPerRun = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var work in await schedule.DueAsync(clock.GetUtcNow(), MaxPerRun, cancellationToken))
        {
            try
            {
                done += await DoAsync(work, cancellationToken) ? 1 : 0;
                await schedule.RemoveAsync(work, cancellationToken);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                // One that fails must not hold up the others; it stays due for the next run.
                logger.LogError(failure, "Sandbox dispute work {Kind} on {ObjectId} of {Scope} failed; retried on the next run", work.Kind, work.ObjectId, work.Scope);
            }
        }
        return done;
    }

    private async Task<bool> DoAsync(DisputeWork work, CancellationToken cancellationToken)
    {
        if (work.Kind == DisputeWorkKind.Decide) return await changes.DecideAsync(work.Scope, work.ObjectId, cancellationToken);
        if (work.Kind == DisputeWorkKind.Expire) return await changes.ExpireAsync(work.Scope, work.ObjectId, cancellationToken);
        var outcome = await open.OpenAsync(work.Scope, work.ObjectId, cancellationToken);
        if (outcome == OpenOutcome.NotYetCaptured)
        {
            // A payment captured later is disputed after it is captured: look again then.
            await schedule.ScheduleAsync(work with { DueAt = clock.GetUtcNow() + options.Value.SandboxAfter }, cancellationToken);
        }
        return outcome == OpenOutcome.Opened;
    }
}
