using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Ledger;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// The payout schedule's run: for each account whose due time has come (read from the due index, never a scan), pays
/// its available balance less its held recent earnings through <see cref="CreatePayout"/>, once per period. The
/// period is the payout's identity (a marker in the payout's batch), so two runs at once, a retried timer or a
/// restart find the period paid and pay nothing more. Then the account's row moves to its next due time.
/// </summary>
public sealed class PayScheduledPayouts(
    IPayoutDueIndex index, IAccountStore accounts, IPayoutStore payouts, ILedgerReader ledger, RecentEarnings earnings, CreatePayout createPayout,
    TimeProvider clock, ILogger<PayScheduledPayouts> logger)
{
    /// <summary>The key id payouts made by the schedule are recorded under.</summary>
    public const string KeyId = "key_payout_schedule";

    private const int PageSize = 100;

    /// <summary>Pages of due rows one run reads at most (a midnight with many accounts is worked off over a few runs).</summary>
    private const int MaxPagesPerRun = 10;

    /// <summary>Handles the rows due now, page by page; returns how many payouts it made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var made = 0;
        // Rows that failed stay in the index (due again next run) and would head every page: read past them.
        var failed = new HashSet<ScheduledPayoutDue>();
        for (var page = 0; page < MaxPagesPerRun; page++)
        {
            var asked = PageSize + failed.Count;
            var due = await index.DueAsync(now, asked, cancellationToken);
            foreach (var row in due.Where(row => !failed.Contains(row)).ToList())
            {
                try
                {
                    made += await HandleAsync(row, now, cancellationToken) ? 1 : 0;
                }
                catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
                {
                    // One account failing (a dependency down, a bug) must not hold up the others; its row is due again next run.
                    failed.Add(row);
                    logger.LogError(failure, "Scheduled payout of {Account} in {Scope} due {DueAt:O} failed; retried on the next run", row.Account, row.Scope, row.DueAt);
                }
            }
            if (due.Count < asked) break;
        }
        return made;
    }

    private async Task<bool> HandleAsync(ScheduledPayoutDue due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(due.Scope, due.Account, cancellationToken);
        if (account is null || !account.PayoutSchedule.IsDueAt(due.DueAt))
        {
            // Written before a commit that never came, or left by a schedule that changed since.
            logger.LogInformation("Dropped the payout schedule row of {Account} in {Scope} due {DueAt:O}: not a due time of the account's schedule ({Interval})",
                due.Account, due.Scope, due.DueAt, account?.PayoutSchedule.Interval.ApiName() ?? "no account");
            await index.RemoveAsync(due, cancellationToken);
            return false;
        }
        var schedule = account.PayoutSchedule;
        var made = await PayAsync(account, schedule.PeriodOf(due.DueAt), cancellationToken);
        // The next row before this one goes: a crash in between leaves this row, whose period is already marked paid.
        await index.PutAsync(due with { DueAt = schedule.NextDueAfter(now)!.Value }, cancellationToken);
        await index.RemoveAsync(due, cancellationToken);
        return made;
    }

    private async Task<bool> PayAsync(ConnectedAccount account, string period, CancellationToken cancellationToken)
    {
        if (await payouts.PaidForPeriodAsync(account.Scope, account.Id, period, cancellationToken) is { } paid)
        {
            logger.LogInformation("Skipped the scheduled payout of {Account} in {Scope} for {Period}: already paid by {PayoutId}", account.Id, account.Scope, period, paid);
            return false;
        }
        if (!account.Onboarding.PayoutsEnabled)
        {
            logger.LogWarning("Skipped the scheduled payout of {Account} in {Scope} for {Period}: the account's identity is not verified (status {VerificationStatus}); its balance keeps accruing",
                account.Id, account.Scope, period, Onboarding.VerificationStatusNames.ApiName(account.Onboarding.Status));
            return false;
        }
        if (account.PayoutDestination is null)
        {
            logger.LogWarning("Skipped the scheduled payout of {Account} in {Scope} for {Period}: the account has no payout destination", account.Id, account.Scope, period);
            return false;
        }
        var currency = account.PayoutDestination.Currency;
        var key = new BalanceKey(LedgerAccounts.Available(account.Id), currency);
        var available = (await ledger.BalancesOfAsync(account.Scope, [key], cancellationToken))[key].Amount;
        if (available <= 0)
        {
            logger.LogInformation("Skipped the scheduled payout of {Account} in {Scope} for {Period}: {Reason} (available {Currency} balance {Available})",
                account.Id, account.Scope, period, available < 0 ? "the balance is negative" : "nothing is available", currency.Code, available);
            return false;
        }
        var held = await earnings.HeldAsync(account.Scope, account.Id, currency, account.PayoutSchedule.DelayDays, cancellationToken);
        var amount = Math.Min(available - held, Money.MaxAmount);
        if (amount <= 0)
        {
            logger.LogInformation("Skipped the scheduled payout of {Account} in {Scope} for {Period}: all of the available {Available} {Currency} is earnings of the last {DelayDays} days, held back",
                account.Id, account.Scope, period, available, currency.Code, account.PayoutSchedule.DelayDays);
            return false;
        }
        var caller = new Caller.Merchant(MerchantScope.MerchantOf(account.Scope), KeyId, ApiKeyKind.Secret, account.Mode);
        var command = new CreatePayoutCommand(account.Id, new Money(amount, currency), PayoutMethod.Standard, $"Automatic payout for {period}", period);
        var result = await createPayout.HandleAsync(caller, command, null, cancellationToken);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Skipped the scheduled payout of {Account} in {Scope} for {Period}: {Code} {Detail}", account.Id, account.Scope, period, result.Error!.Code, result.Error.Detail);
            return false;
        }
        logger.LogInformation("Scheduled payout of {Amount} {Currency} from {Account} in {Scope} for {Period} (held back {Held})", amount, currency.Code, account.Id, account.Scope, period, held);
        return true;
    }
}
