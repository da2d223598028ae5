using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Payouts;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Accounts;

/// <summary>
/// Creating, reading, listing and updating a merchant's connected accounts (sellers, drivers). An automatic payout
/// schedule is entered in the due index before the account that needs it commits (a crash leaves a row the schedule
/// timer finds stale), and a changed schedule moves its row.
/// </summary>
public sealed class ConnectedAccounts(IAccountStore store, BankAccountSealer sealer, Onboarding.IdentitySubmission submission, IPayoutDueIndex dueIndex, TimeProvider clock, ILogger<ConnectedAccounts> logger)
{
    private const int ConflictRetries = 5;

    public async Task<Result<StoredResponse>> CreateAsync(Caller.Merchant caller, CreateAccountCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var id = PrefixedId.New("acct", clock);
        var destination = command.PayoutDestination is null ? null : await sealer.SealAsync(caller.Scope, id, command.PayoutDestination, cancellationToken);
        var account = new ConnectedAccount(id, caller.Scope, command.DisplayName, command.Email, command.Country, command.DefaultCurrency, caller.Mode, clock.GetUtcNow(), destination)
        {
            PayoutSchedule = command.PayoutSchedule,
        };
        var view = AccountView.From(account);
        var response = StoredResponse.Of(201, view);
        if (command.PayoutSchedule.NextDueAfter(account.Created) is { } due) await dueIndex.PutAsync(new ScheduledPayoutDue(caller.Scope, id, due), cancellationToken);
        await store.CreateAsync(account, PlatformEvent.Of(EventTypes.AccountCreated, caller.Scope, caller.Mode, view, clock), lease?.Complete(response), cancellationToken);
        return response;
    }

    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string accountId, CancellationToken cancellationToken)
    {
        var account = PrefixedId.IsWellFormed(accountId, "acct") ? await store.GetAsync(caller.Scope, accountId, cancellationToken) : null;
        return account is null ? Errors.ResourceMissing("account") : StoredResponse.Of(200, AccountView.From(account));
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, page, cancellationToken);
        return StoredResponse.Of(200, new ListView<AccountView>("list", found.Data.Select(AccountView.From).ToList(), found.HasMore, "/v1/accounts"));
    }

    /// <summary>
    /// Replaces the account's payout schedule and merges identity fields into its sealed identity (a complete one is
    /// submitted for verification, which the relay queues from the event), emits <c>account.updated</c>, and moves the
    /// schedule's row in the due index.
    /// </summary>
    public async Task<Result<StoredResponse>> UpdateAsync(Caller.Merchant caller, string accountId, UpdateAccountCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var account = PrefixedId.IsWellFormed(accountId, "acct") ? await store.GetAsync(caller.Scope, accountId, cancellationToken) : null;
            if (account is null) return Errors.ResourceMissing("account");
            var now = clock.GetUtcNow();
            var updated = command.PayoutSchedule is { } schedule ? account with { PayoutSchedule = schedule } : account;
            if (command.Individual is { } individual)
            {
                if (Onboarding.AddressRules.Check(individual, account.Country) is { } invalid) return invalid;
                updated = updated with { Onboarding = await submission.ApplyAsync(account.Scope, account.Id, account.Country, account.Onboarding, individual, cancellationToken) };
            }
            var view = AccountView.From(updated);
            var response = StoredResponse.Of(200, view);
            var before = account.PayoutSchedule.NextDueAfter(now);
            var after = updated.PayoutSchedule.NextDueAfter(now);
            if (after is not null) await dueIndex.PutAsync(new ScheduledPayoutDue(caller.Scope, account.Id, after.Value), cancellationToken);
            try
            {
                await store.UpdateAsync(updated, PlatformEvent.Of(EventTypes.AccountUpdated, caller.Scope, caller.Mode, view, clock), lease?.Complete(response), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < ConflictRetries)
            {
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                return Errors.ConflictRetry("The account is being changed by other requests; retry.");
            }
            if (before is not null && before != after) await RemoveStaleAsync(new ScheduledPayoutDue(caller.Scope, account.Id, before.Value), cancellationToken);
            return response;
        }
    }

    /// <summary>After the commit: a row left behind (this failing, or a run that was late) is found stale and dropped by the timer.</summary>
    private async Task RemoveStaleAsync(ScheduledPayoutDue stale, CancellationToken cancellationToken)
    {
        try
        {
            await dueIndex.RemoveAsync(stale, cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(failure, "The old payout schedule row of {Account} in {Scope}, due {DueAt:O}, was not removed; the schedule timer drops it as stale", stale.Account, stale.Scope, stale.DueAt);
        }
    }
}
