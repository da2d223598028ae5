using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Accounts;

/// <summary>Creating, reading and listing a merchant's connected accounts (sellers, drivers).</summary>
public sealed class ConnectedAccounts(IAccountStore store, Payouts.BankAccountSealer sealer, TimeProvider clock)
{
    public async Task<Result<StoredResponse>> CreateAsync(Caller.Merchant caller, CreateAccountCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var id = PrefixedId.New("acct", clock);
        var destination = command.PayoutDestination is null ? null : await sealer.SealAsync(caller.Scope, id, command.PayoutDestination, cancellationToken);
        var account = new ConnectedAccount(id, caller.Scope, command.DisplayName, command.Email, command.Country, command.DefaultCurrency, caller.Mode, clock.GetUtcNow(), destination);
        var view = AccountView.From(account);
        var response = StoredResponse.Of(201, view);
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
}
