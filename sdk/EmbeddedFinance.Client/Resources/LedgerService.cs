using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/ledger/transactions</c>: the double-entry ledger.</summary>
public sealed class LedgerService
{
    private readonly ApiTransport api;

    internal LedgerService(ApiTransport api) => this.api = api;

    /// <summary>One page of ledger transactions, oldest first; <paramref name="account"/> filters, or <paramref name="reference"/> (not both): the transactions a payment (its refunds included), refund, payout or dispute caused.</summary>
    public Task<Page<LedgerTransaction>> ListTransactionsAsync(ListOptions? list = null, string? account = null, string? reference = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<LedgerTransaction>>(Query("v1/ledger/transactions", list, Filters(account, reference)), options, cancellationToken);

    /// <summary>Every ledger transaction, page after page; <paramref name="account"/> filters, or <paramref name="reference"/> (not both).</summary>
    public IAsyncEnumerable<LedgerTransaction> ListAllTransactionsAsync(ListOptions? list = null, string? account = null, string? reference = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<LedgerTransaction>("v1/ledger/transactions", list, Filters(account, reference), options, cancellationToken);

    private static KeyValuePair<string, string?>[] Filters(string? account, string? reference) => [new("account", account), new("reference", reference)];
}
