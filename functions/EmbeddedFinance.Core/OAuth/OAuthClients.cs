using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// A merchant's OAuth clients (API.md "Partner access"): registered with scopes no wider than a restricted key could have,
/// listed, revoked. Logs and the audit trail name clients by id; a client's secret exists only in the response that mints it.
/// </summary>
public sealed class OAuthClients(IOAuthClientStore store, TimeProvider clock, ILogger<OAuthClients> logger)
{
    public async Task<Result<StoredResponse>> CreateAsync(Caller.Merchant caller, CreateOAuthClientCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var secret = OAuthClientSecret.New(caller.Mode);
        var client = new OAuthClientRecord(PrefixedId.New("cli", clock), caller.MerchantId, caller.Mode, OAuthClientSecret.Hash(secret.Reveal()),
            command.Name, command.Scopes, command.CertificateThumbprint, clock.GetUtcNow());
        var response = StoredResponse.Of(201, OAuthClientView.From(client, secret.Reveal()));
        await store.CreateAsync(client, lease?.Complete(response), cancellationToken);
        logger.LogInformation("Key {CreatorKeyId} registered OAuth client {ClientId} ({Scopes}{Binding})",
            caller.KeyId, client.ClientId, OAuthScopes.Join(client.Scopes), client.CertificateThumbprint is null ? "" : ", certificate-bound");
        return response;
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, page, cancellationToken);
        return StoredResponse.Of(200, new ListView<OAuthClientView>("list", found.Data.Select(client => OAuthClientView.From(client)).ToList(), found.HasMore, "/v1/oauth/clients"));
    }

    public async Task<Result<StoredResponse>> RevokeAsync(Caller.Merchant caller, string clientId, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var client = PrefixedId.IsWellFormed(clientId, "cli") ? await store.GetAsync(caller.Scope, clientId, cancellationToken) : null;
        if (client is null) return Errors.ResourceMissing("OAuth client");
        var response = StoredResponse.Of(200, new RevokedOAuthClientView(client.ClientId, "oauth_client", Deleted: true));
        await store.RevokeAsync(client, lease?.Complete(response), cancellationToken);
        logger.LogInformation("Key {CallerKeyId} revoked OAuth client {ClientId}", caller.KeyId, client.ClientId);
        return response;
    }
}
