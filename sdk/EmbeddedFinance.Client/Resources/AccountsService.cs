using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/accounts</c>: connected accounts (sellers, drivers), their balances.</summary>
public sealed class AccountsService
{
    private readonly ApiTransport api;

    internal AccountsService(ApiTransport api) => this.api = api;

    /// <summary>Creates a connected account.</summary>
    public Task<Account> CreateAsync(CreateAccountRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Account>("v1/accounts", request, options, cancellationToken);

    /// <summary>Changes an account (its payout schedule).</summary>
    public Task<Account> UpdateAsync(string id, UpdateAccountRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<Account>(HttpMethod.Patch, $"v1/accounts/{Segment(id)}", request, options, cancellationToken);

    /// <summary>Reads one account.</summary>
    public Task<Account> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Account>($"v1/accounts/{Segment(id)}", options, cancellationToken);

    /// <summary>An account's balance: available, pending, in transit.</summary>
    public Task<Balance> GetBalanceAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Balance>($"v1/accounts/{Segment(id)}/balance", options, cancellationToken);

    /// <summary>One page of accounts, oldest first.</summary>
    public Task<Page<Account>> ListAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Account>>(Query("v1/accounts", list), options, cancellationToken);

    /// <summary>Every account, page after page.</summary>
    public IAsyncEnumerable<Account> ListAllAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<Account>("v1/accounts", list, null, options, cancellationToken);
}
