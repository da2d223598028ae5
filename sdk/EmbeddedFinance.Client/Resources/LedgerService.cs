using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/ledger/transactions</c>: the double-entry ledger.</summary>
public sealed class LedgerService
{
    private readonly ApiTransport api;

    internal LedgerService(ApiTransport api) => this.api = api;

    /// <summary>One page of ledger transactions, oldest first; <paramref name="account"/> filters.</summary>
    public Task<Page<LedgerTransaction>> ListTransactionsAsync(ListOptions? list = null, string? account = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<LedgerTransaction>>(Query("v1/ledger/transactions", list, [new("account", account)]), options, cancellationToken);

    /// <summary>Every ledger transaction, page after page; <paramref name="account"/> filters.</summary>
    public IAsyncEnumerable<LedgerTransaction> ListAllTransactionsAsync(ListOptions? list = null, string? account = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<LedgerTransaction>("v1/ledger/transactions", list, [new("account", account)], options, cancellationToken);
}
