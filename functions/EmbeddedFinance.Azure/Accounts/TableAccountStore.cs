using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Azure.Accounts;

public sealed class TableAccountStore(StateTable table, StateBatches batches) : IAccountStore
{
    public async Task CreateAsync(ConnectedAccount account, PlatformEvent created, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = batches.For(account.Scope).Add(new AccountEntity
        {
            PartitionKey = account.Scope,
            RowKey = StateTable.RowKey(AccountEntity.Kind, account.Id),
            DisplayName = account.DisplayName,
            Email = account.Email,
            Country = account.Country.Code,
            DefaultCurrency = account.DefaultCurrency.Code,
            Mode = account.Mode.ToString(),
            Created = account.Created,
        }).AddEvent(created);
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task<ConnectedAccount?> GetAsync(string scope, string accountId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<AccountEntity>(scope, StateTable.RowKey(AccountEntity.Kind, accountId), cancellationToken: cancellationToken);
        return found.HasValue ? ToAccount(found.Value!) : null;
    }

    public Task<Page<ConnectedAccount>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<AccountEntity, ConnectedAccount>(table.Client, scope, AccountEntity.Kind, page, ToAccount, cancellationToken);

    private static ConnectedAccount ToAccount(AccountEntity entity)
    {
        Country.TryParse(entity.Country, out var country);
        Currency.TryParse(entity.DefaultCurrency, out var currency);
        return new ConnectedAccount(entity.RowKey[(AccountEntity.Kind.Length + 1)..], entity.PartitionKey, entity.DisplayName, entity.Email,
            country, currency, Enum.Parse<Mode>(entity.Mode), entity.Created);
    }
}
