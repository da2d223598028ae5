using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// Reserves a payout from the account's available balance: the payout, its postings applied to the balances, its
/// event and its idempotency record commit in one batch guarded by the balances' ETags, so concurrent payouts
/// can never take the balance below zero — a loser reads the new balance and decides again.
/// </summary>
public sealed class CreatePayout(
    IPayoutStore store, ILedgerReader ledgerReader, IAccountStore accounts, IPayoutChecks checks, IOptions<PayoutOptions> options, IOptions<RecoveryOptions> recovery,
    TimeProvider clock, ILogger<CreatePayout> logger)
{
    // Every racer but one loses each round; the balance runs out (an immediate 402) long before this.
    private const int MaxAttempts = 64;

    public async Task<Result<StoredResponse>> HandleAsync(Caller.Merchant caller, CreatePayoutCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(caller.Scope, command.Account, cancellationToken);
        if (account is null) return Errors.ResourceMissing("account", "account");
        if (account.PayoutDestination is null) return Errors.InvalidRequest("The account has no payout destination; create it with a payout_destination.", "account");
        if (!account.Onboarding.PayoutsEnabled)
        {
            return Errors.AccountNotVerified(
                $"The account's identity is not verified (verification status '{Onboarding.VerificationStatusNames.ApiName(account.Onboarding.Status)}'); supply what its requirements list as currently due. Its balance keeps accruing.");
        }
        var currency = command.Amount.Currency;
        if (currency != account.PayoutDestination.Currency)
        {
            return Errors.ParameterInvalid("currency", $"The account's payout destination receives {account.PayoutDestination.Currency.Code}, not {currency.Code}.");
        }
        var amount = command.Amount.Amount;
        if (command.Method == PayoutMethod.Instant && amount > options.Value.InstantMaxAmount)
        {
            return new ApiError(400, "amount_invalid", $"An instant payout carries at most {options.Value.InstantMaxAmount} minor units; use a standard payout.", "amount");
        }
        var fee = options.Value.FeeFor(command.Method, amount);
        var available = new BalanceKey(LedgerAccounts.Available(account.Id), currency);
        // One id for every attempt, so that the check scheduled before the first commit covers the one that commits.
        var payoutId = PrefixedId.New("po", clock);
        var checkScheduled = false;

        for (var attempt = 1; ; attempt++)
        {
            // A schedule's period is paid once: a racer (another instance, a retried run) that committed first wins.
            if (command.Period is not null && await store.PaidForPeriodAsync(caller.Scope, account.Id, command.Period, cancellationToken) is { } paid)
            {
                return Errors.StateInvalid($"The account's automatic payout for {command.Period} was already made: {paid}.");
            }
            var payout = new Payout(payoutId, caller.Scope, caller.Mode, account.Id, amount, fee, currency, command.Method,
                PayoutStatus.Pending, account.PayoutDestination.Last4, command.Description, null, null, null, clock.GetUtcNow())
            {
                Period = command.Period,
            };
            var ledger = LedgerTransaction.Create(caller.Scope, currency, LedgerTypes.Payout, payout.Id, PayoutPostings.ForCreate(payout), clock);
            var changes = BalanceChanges.Of([ledger]);
            var current = await ledgerReader.BalancesOfAsync(caller.Scope, changes.Select(change => change.Key), cancellationToken);
            if (current[available].Amount < amount + fee)
            {
                return Errors.BalanceInsufficient(fee == 0
                    ? $"The account's available {currency.Code} balance is {current[available].Amount}; the payout needs {amount}."
                    : $"The account's available {currency.Code} balance is {current[available].Amount}; the payout needs {amount} plus a fee of {fee}.");
            }

            var view = PayoutView.From(payout);
            var response = StoredResponse.Of(201, view);
            var created = PlatformEvent.Of(EventTypes.PayoutCreated, caller.Scope, caller.Mode, view, clock);
            if (!checkScheduled)
            {
                // Before the payout exists, never after: a crash in between leaves a check for nothing (dropped when
                // due), never a payout that nothing would look at again if its messages were lost.
                await checks.ScheduleAsync(PayoutCheck.First(payout, recovery.Value.StuckPayoutAfter), cancellationToken);
                checkScheduled = true;
            }
            try
            {
                await store.CreateAsync(new PayoutChange(payout, ledger, BalanceChanges.Apply(changes, current), created, lease?.Complete(response)), cancellationToken);
                logger.LogInformation("Payout {PayoutId} of {Amount} {Currency} (fee {Fee}) reserved from {Account}", payout.Id, amount, currency.Code, fee, account.Id);
                return response;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // The balance moved (another payout, or settlement), or the period was paid: decide again on what it is now.
                await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
            }
        }
    }
}
