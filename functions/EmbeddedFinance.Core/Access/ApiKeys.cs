using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Access;

/// <summary>
/// A merchant's keys as objects (API.md "Partner access"): create restricted keys, list every key of the mode,
/// roll a key (a new key, new id, same rights; the old one ends after an overlap) and revoke one. Logs and the
/// audit trail name keys by id; a key's secret exists only in the response that mints it.
/// </summary>
public sealed class ApiKeys(IApiKeyStore store, TimeProvider clock, ILogger<ApiKeys> logger)
{
    public async Task<Result<StoredResponse>> CreateAsync(Caller.Merchant caller, CreateApiKeyCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var issued = IssuedApiKey.Mint(
            new ApiKeyRecord("", caller.MerchantId, ApiKeyKind.Restricted, caller.Mode, "", default, command.Name, command.Permissions, command.ExpiresAt), clock);
        var response = StoredResponse.Of(201, ApiKeyView.From(issued.Record, issued.Plaintext.Reveal()));
        await store.CreateAsync(issued.Record, lease?.Complete(response), cancellationToken);
        logger.LogInformation("Key {CreatorKeyId} created restricted key {KeyId} ({Permissions})", caller.KeyId, issued.Record.KeyId, command.Permissions.Encode());
        return response;
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, page, cancellationToken);
        return StoredResponse.Of(200, new ListView<ApiKeyView>("list", found.Data.Select(key => ApiKeyView.From(key)).ToList(), found.HasMore, "/v1/api_keys"));
    }

    public async Task<Result<StoredResponse>> RollAsync(Caller.Merchant caller, string keyId, TimeSpan overlap, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var key = await FindAsync(caller, keyId, cancellationToken);
        if (key is null) return Errors.ResourceMissing("API key");
        var now = clock.GetUtcNow();
        if (key.ReplacedBy is not null) return Errors.StateInvalid($"This key was already rolled; roll its replacement {key.ReplacedBy} instead.");
        if (key.IsExpired(now)) return Errors.StateInvalid("This key has expired; an expired key cannot be rolled.");

        // The replacement keeps what the key was given, its expiry from creation included; only the secret is new.
        var replacement = IssuedApiKey.Mint(key, clock);
        var previousEnds = now + overlap;
        var rolled = key with { ExpiresAt = key.ExpiresAt is { } expires && expires < previousEnds ? expires : previousEnds, ReplacedBy = replacement.Record.KeyId };
        var response = StoredResponse.Of(201, ApiKeyView.From(replacement.Record, replacement.Plaintext.Reveal()));
        await store.RollAsync(rolled, replacement.Record, lease?.Complete(response), cancellationToken);
        logger.LogInformation("Key {CallerKeyId} rolled key {KeyId} into {ReplacementKeyId}; the old one ends at {ExpiresAt:O}",
            caller.KeyId, key.KeyId, replacement.Record.KeyId, rolled.ExpiresAt);
        return response;
    }

    public async Task<Result<StoredResponse>> RevokeAsync(Caller.Merchant caller, string keyId, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var key = await FindAsync(caller, keyId, cancellationToken);
        if (key is null) return Errors.ResourceMissing("API key");
        var response = StoredResponse.Of(200, new RevokedApiKeyView(key.KeyId, "api_key", Deleted: true));
        await store.RevokeAsync(key, lease?.Complete(response), cancellationToken);
        logger.LogInformation("Key {CallerKeyId} revoked key {KeyId}", caller.KeyId, key.KeyId);
        return response;
    }

    private async Task<ApiKeyRecord?> FindAsync(Caller.Merchant caller, string keyId, CancellationToken cancellationToken) =>
        PrefixedId.IsWellFormed(keyId, "key") ? await store.GetAsync(caller.Scope, keyId, cancellationToken) : null;
}
