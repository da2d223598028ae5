using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// Hands a pending payout to the rail (through the resilience pipeline) and marks it in transit. Safe to repeat:
/// the rail pays a payout id once, and a payout no longer pending is left alone.
/// </summary>
public sealed class SubmitPayout(
    IPayoutStore store, IAccountStore accounts, BankAccountSealer sealer, IPayoutRail rail, PayoutRailPipeline pipeline, IOptions<RecoveryOptions> recovery, TimeProvider clock,
    ILogger<SubmitPayout> logger)
{
    private const int MaxAttempts = 5;

    public async Task HandleAsync(string scope, string payoutId, CancellationToken cancellationToken)
    {
        var payout = await store.GetAsync(scope, payoutId, cancellationToken) ?? throw new InvalidOperationException($"Payout {payoutId} of {scope} does not exist.");
        // A payout in transit for longer than it should be (its report lost) asks the rail again, which answers a
        // repeated instruction with its report; a duplicate message for one just submitted changes nothing.
        var stuckInTransit = payout.Status == PayoutStatus.InTransit && clock.GetUtcNow() - payout.Created >= recovery.Value.StuckPayoutAfter;
        if (payout.Status != PayoutStatus.Pending && !stuckInTransit)
        {
            logger.LogInformation("Payout {PayoutId} is already {Status}; submission skipped", payout.Id, payout.Status.ApiName());
            return;
        }
        var account = await accounts.GetAsync(scope, payout.Account, cancellationToken);
        if (account?.PayoutDestination is null) throw new InvalidOperationException($"Payout {payout.Id}: account {payout.Account} has no payout destination.");
        var destination = await sealer.OpenAsync(scope, account.Id, account.PayoutDestination, cancellationToken);
        var acceptance = await pipeline.SubmitAsync(rail, new PayoutInstruction(scope, payout.Id, payout.Amount, payout.Currency, destination), cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            // The rail's report may already have finished the payout (it can arrive before this update).
            if (payout.Status != PayoutStatus.Pending) return;
            try
            {
                await store.UpdateAsync(new PayoutChange(payout with { Status = PayoutStatus.InTransit, RailReference = acceptance.Reference }, null, [], null, null), cancellationToken);
                logger.LogInformation("Payout {PayoutId} submitted to the rail as {RailReference}", payout.Id, acceptance.Reference);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                payout = (await store.GetAsync(scope, payoutId, cancellationToken))!;
            }
        }
    }
}
