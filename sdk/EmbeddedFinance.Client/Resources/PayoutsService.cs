using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/payouts</c>: pay connected accounts out.</summary>
public sealed class PayoutsService
{
    private readonly ApiTransport api;

    internal PayoutsService(ApiTransport api) => this.api = api;

    /// <summary>Pays out an account's available balance (402 <c>balance_insufficient</c> beyond it).</summary>
    public Task<Payout> CreateAsync(CreatePayoutRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Payout>("v1/payouts", request, options, cancellationToken);

    /// <summary>Reads one payout.</summary>
    public Task<Payout> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Payout>($"v1/payouts/{Segment(id)}", options, cancellationToken);

    /// <summary>One page of payouts, oldest first; <paramref name="account"/> filters.</summary>
    public Task<Page<Payout>> ListAsync(ListOptions? list = null, string? account = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Payout>>(Query("v1/payouts", list, [new("account", account)]), options, cancellationToken);

    /// <summary>Every payout, page after page; <paramref name="account"/> filters.</summary>
    public IAsyncEnumerable<Payout> ListAllAsync(ListOptions? list = null, string? account = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<Payout>("v1/payouts", list, [new("account", account)], options, cancellationToken);
}
