using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/merchants</c>: merchants (creating one takes the operator's admin key) and API versions.</summary>
public sealed class MerchantsService
{
    private readonly ApiTransport api;

    internal MerchantsService(ApiTransport api) => this.api = api;

    /// <summary>Creates a merchant (admin key, e.g. through <see cref="RequestOptions.ApiKey"/>); the answer carries its test keys, once.</summary>
    public Task<Merchant> CreateAsync(CreateMerchantRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Merchant>("v1/merchants", request, options, cancellationToken);

    /// <summary>Reads the merchant (its own key) or any (admin key).</summary>
    public Task<Merchant> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Merchant>($"v1/merchants/{Segment(id)}", options, cancellationToken);

    /// <summary>Moves the merchant's default API version.</summary>
    public Task<Merchant> UpdateAsync(string id, UpdateMerchantRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<Merchant>(HttpMethod.Patch, $"v1/merchants/{Segment(id)}", request, options, cancellationToken);

    /// <summary>Every API version and what it changed.</summary>
    public Task<Page<ApiVersionInfo>> ListApiVersionsAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<ApiVersionInfo>>("v1/api_versions", options, cancellationToken);
}
