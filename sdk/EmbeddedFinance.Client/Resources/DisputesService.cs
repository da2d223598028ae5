using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/disputes</c>: cardholders' disputes and the evidence against them.</summary>
public sealed class DisputesService
{
    private readonly ApiTransport api;

    internal DisputesService(ApiTransport api) => this.api = api;

    /// <summary>Saves evidence and, with <see cref="UpdateDisputeRequest.Submit"/>, submits it.</summary>
    public Task<Dispute> UpdateAsync(string id, UpdateDisputeRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Dispute>($"v1/disputes/{Segment(id)}", request, options, cancellationToken);

    /// <summary>Reads one dispute.</summary>
    public Task<Dispute> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Dispute>($"v1/disputes/{Segment(id)}", options, cancellationToken);

    /// <summary>One page of disputes, oldest first.</summary>
    public Task<Page<Dispute>> ListAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Dispute>>(Query("v1/disputes", list), options, cancellationToken);

    /// <summary>Every dispute, page after page.</summary>
    public IAsyncEnumerable<Dispute> ListAllAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<Dispute>("v1/disputes", list, null, options, cancellationToken);
}
