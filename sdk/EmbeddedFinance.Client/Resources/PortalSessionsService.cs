using EmbeddedFinance.Client.Http;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/portal_sessions</c>: sign a person in to the merchant's portal without giving them a key.</summary>
public sealed class PortalSessionsService
{
    private readonly ApiTransport api;

    internal PortalSessionsService(ApiTransport api) => this.api = api;

    /// <summary>A single-use sign-in URL for the portal (the dashboard, or with <see cref="CreatePortalSessionRequest.Embed"/> only the webhook pages).</summary>
    public Task<PortalSession> CreateAsync(CreatePortalSessionRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<PortalSession>("v1/portal_sessions", request ?? new CreatePortalSessionRequest(), options, cancellationToken);
}
