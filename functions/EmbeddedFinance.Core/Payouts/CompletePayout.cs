using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// Applies the rail's report: paid takes the money out of in-transit; failed returns it (and the fee) to
/// available and records the failure code. The payout's status guards it, so a repeated report changes nothing.
/// </summary>
public sealed class CompletePayout(IPayoutStore store, ILedgerReader ledgerReader, TimeProvider clock, ILogger<CompletePayout> logger)
{
    private const int MaxAttempts = 16;

    public async Task HandleAsync(PayoutRailReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var payout = await store.GetAsync(report.Scope, report.PayoutId, cancellationToken)
                ?? throw new InvalidOperationException($"The rail reported on payout {report.PayoutId} of {report.Scope}, which does not exist.");
            if (!payout.IsOpen)
            {
                logger.LogInformation("Rail report for payout {PayoutId} ignored: it is already {Status}", payout.Id, payout.Status.ApiName());
                return;
            }

            var after = report.Paid
                ? payout with { Status = PayoutStatus.Paid }
                : payout with { Status = PayoutStatus.Failed, FailureCode = report.FailureCode ?? "could_not_process", FailureMessage = report.FailureMessage ?? "The bank could not process this payout." };
            var ledger = LedgerTransaction.Create(payout.Scope, payout.Currency, report.Paid ? LedgerTypes.PayoutPaid : LedgerTypes.PayoutFailed, payout.Id,
                report.Paid ? PayoutPostings.ForPaid(payout) : PayoutPostings.ForFailed(payout), clock);
            var changes = BalanceChanges.Of([ledger]);
            var current = await ledgerReader.BalancesOfAsync(payout.Scope, changes.Select(change => change.Key), cancellationToken);
            var finished = PlatformEvent.Of(report.Paid ? EventTypes.PayoutPaid : EventTypes.PayoutFailed, payout.Scope, payout.Mode, PayoutView.From(after), clock);
            try
            {
                await store.UpdateAsync(new PayoutChange(after, ledger, BalanceChanges.Apply(changes, current), finished, null), cancellationToken);
                if (report.Paid) logger.LogInformation("Payout {PayoutId} paid", payout.Id);
                else logger.LogWarning("Payout {PayoutId} failed ({FailureCode}); {Amount} {Currency} returned to {Account}", payout.Id, after.FailureCode, payout.Amount + payout.Fee, payout.Currency.Code, payout.Account);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // The payout (its submission) or a balance moved: read again.
                await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
            }
        }
    }
}
