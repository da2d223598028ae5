using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>Creating, reading, changing, deleting a merchant's webhook endpoints and rotating their secrets.</summary>
public sealed class WebhookEndpoints(IWebhookEndpointStore store, WebhookSecrets secrets, WebhookUrlPolicy urls, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookEndpoints> logger)
{
    // An update races only the delivery worker's health marks; a few rereads settle it.
    private const int ConflictRetries = 3;

    public async Task<Result<StoredResponse>> CreateAsync(Caller.Merchant caller, CreateWebhookEndpointCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        if (await urls.CheckAsync(command.Url, caller.Mode, cancellationToken) is { } refused) return refused;
        if (await LimitReachedAsync(caller, cancellationToken) is { } full) return full;
        var id = PrefixedId.New("we", clock);
        var key = await secrets.CreateAsync(id, command.Signing, cancellationToken);
        var endpoint = new WebhookEndpoint(id, caller.Scope, caller.Mode, command.Url, command.EnabledEvents, command.Description,
            WebhookEndpointStatus.Enabled, clock.GetUtcNow(), key.Version, null, null, null, "")
        {
            ApiVersion = command.ApiVersion ?? throw new InvalidOperationException("The function fills in the merchant's version."),
            ThrottleRate = command.ThrottleRate,
            Signing = command.Signing,
            Payload = command.Payload,
        };
        var response = StoredResponse.Of(201, key.PublicKey is null ? WebhookEndpointView.From(endpoint, key.Secret.Reveal()) : WebhookEndpointView.From(endpoint, publicKey: key.PublicKey));
        await store.CreateAsync(endpoint, lease?.Complete(response), cancellationToken);
        return response;
    }

    /// <summary>
    /// A bound on fan-out, not an exact quota: creates racing each other may all pass it, which is fine for its
    /// purpose and spares every create a guarded counter.
    /// </summary>
    private async Task<ApiError?> LimitReachedAsync(Caller.Merchant caller, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxEndpointsPerMerchant;
        var existing = await store.ListAsync(caller.Scope, new PageRequest(max, null), cancellationToken);
        return existing.Data.Count < max ? null
            : Errors.InvalidRequest($"A merchant may have at most {max} webhook endpoints in {caller.Mode.ToString().ToLowerInvariant()} mode; delete one before adding another.");
    }

    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string endpointId, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(caller, endpointId, cancellationToken);
        return endpoint is null ? Errors.ResourceMissing("webhook endpoint") : StoredResponse.Of(200, WebhookEndpointView.From(endpoint));
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, page, cancellationToken);
        return StoredResponse.Of(200, new ListView<WebhookEndpointView>("list", found.Data.Select(endpoint => WebhookEndpointView.From(endpoint)).ToList(), found.HasMore, "/v1/webhook_endpoints"));
    }

    public async Task<Result<StoredResponse>> UpdateAsync(Caller.Merchant caller, string endpointId, UpdateWebhookEndpointCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        if (command.Url is not null && await urls.CheckAsync(command.Url, caller.Mode, cancellationToken) is { } refused) return refused;
        return await ChangeAsync(caller, endpointId, lease, cancellationToken, endpoint =>
        {
            var updated = endpoint with
            {
                Url = command.Url ?? endpoint.Url,
                EnabledEvents = command.EnabledEvents ?? endpoint.EnabledEvents,
                Description = command.Description is null ? endpoint.Description : command.Description.Length == 0 ? null : command.Description,
                Status = command.Status ?? endpoint.Status,
                ApiVersion = command.ApiVersion ?? endpoint.ApiVersion,
                ThrottleRate = command.ThrottleRate is null ? endpoint.ThrottleRate : command.ThrottleRate == 0 ? null : command.ThrottleRate,
                Payload = command.Payload ?? endpoint.Payload,
            };
            // Re-enabling starts a fresh count towards the next automatic disabling, and forgets the receiver's last pause.
            if (command.Status == WebhookEndpointStatus.Enabled) updated = updated with { FailingSince = null, PausedUntil = null, DisabledReason = null };
            if (command.Status == WebhookEndpointStatus.Disabled) updated = updated with { DisabledReason = null };
            return (updated, StoredResponse.Of(200, WebhookEndpointView.From(updated)));
        });
    }

    public async Task<Result<StoredResponse>> RotateSecretAsync(Caller.Merchant caller, string endpointId, TimeSpan overlap, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, endpointId, cancellationToken) is not { } found) return Errors.ResourceMissing("webhook endpoint");
        var key = await secrets.CreateAsync(endpointId, found.Signing, cancellationToken);
        var expires = overlap > TimeSpan.Zero ? clock.GetUtcNow() + overlap : (DateTimeOffset?)null;
        return await ChangeAsync(caller, endpointId, lease, cancellationToken, endpoint =>
        {
            var rotated = endpoint with
            {
                SecretVersion = key.Version,
                PreviousSecretVersion = expires is null ? null : endpoint.SecretVersion,
                PreviousSecretExpires = expires,
            };
            return (rotated, StoredResponse.Of(200, new WebhookSecretView("webhook_endpoint_secret", endpoint.Id, key.PublicKey is null ? key.Secret.Reveal() : null,
                expires?.ToUnixTimeSeconds(), key.PublicKey)));
        });
    }

    public Task<Result<StoredResponse>> DeleteAsync(Caller.Merchant caller, string endpointId, IdempotencyLease? lease, CancellationToken cancellationToken) =>
        WithRetriesAsync(caller, endpointId, async endpoint =>
        {
            var response = StoredResponse.Of(200, new DeletedView(endpoint.Id, "webhook_endpoint", Deleted: true));
            await store.DeleteAsync(endpoint, lease?.Complete(response), cancellationToken);
            await DeleteSecretAsync(endpoint);
            return response;
        }, cancellationToken);

    /// <summary>
    /// After the endpoint's row is gone, never before (an endpoint without its secret could not sign); not bound to
    /// the request, whose caller may leave once the delete has committed. A failure leaves only an unused secret, so
    /// the delete still succeeds and the log names what to remove.
    /// </summary>
    private async Task DeleteSecretAsync(WebhookEndpoint endpoint)
    {
        try
        {
            await secrets.DeleteAsync(endpoint.Id, CancellationToken.None);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Webhook endpoint {EndpointId} deleted but its signing secret {SecretName} was not; delete the secret from the secret store", endpoint.Id, WebhookSecrets.NameOf(endpoint.Id));
        }
    }

    private Task<Result<StoredResponse>> ChangeAsync(
        Caller.Merchant caller, string endpointId, IdempotencyLease? lease, CancellationToken cancellationToken,
        Func<WebhookEndpoint, (WebhookEndpoint Changed, StoredResponse Response)> change) =>
        WithRetriesAsync(caller, endpointId, async endpoint =>
        {
            var (changed, response) = change(endpoint);
            await store.ReplaceAsync(changed, null, lease?.Complete(response), cancellationToken);
            return response;
        }, cancellationToken);

    /// <summary>Reads the endpoint and writes what <paramref name="write"/> makes of it, reading again when it changed in between.</summary>
    private async Task<Result<StoredResponse>> WithRetriesAsync(
        Caller.Merchant caller, string endpointId, Func<WebhookEndpoint, Task<StoredResponse>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = await FindAsync(caller, endpointId, cancellationToken);
            if (endpoint is null) return Errors.ResourceMissing("webhook endpoint");
            try
            {
                return await write(endpoint);
            }
            catch (ConcurrencyConflictException) when (attempt < ConflictRetries)
            {
            }
            catch (ConcurrencyConflictException)
            {
                return Errors.ConflictRetry("The webhook endpoint is being changed by other requests; retry.");
            }
        }
    }

    private async Task<WebhookEndpoint?> FindAsync(Caller.Merchant caller, string endpointId, CancellationToken cancellationToken) =>
        PrefixedId.IsWellFormed(endpointId, "we") ? await store.GetAsync(caller.Scope, endpointId, cancellationToken) : null;
}

[Description("The answer to deleting a webhook endpoint.")]
[Example("""
{
  "id": "we_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "object": "webhook_endpoint",
  "deleted": true
}
""")]
public sealed record DeletedView(
    [Description("The deleted endpoint's id."), RegularExpression("^we_")]
    string Id,
    [Description("The object's type: always `webhook_endpoint`."), AllowedValues("webhook_endpoint")]
    string Object,
    [Description("Always `true`."), AllowedValues(true)]
    bool Deleted);
