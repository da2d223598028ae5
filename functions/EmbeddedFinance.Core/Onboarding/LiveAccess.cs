using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// Going live as a partner onboarding (API.md "Developer portal and partner onboarding"): the merchant asks with its
/// business details from its sandbox, the operator approves or rejects, and an approval enables live mode: event
/// <c>merchant.live_enabled</c>, and live keys the merchant sees exactly once. Every step is audited in the merchant's scope.
/// </summary>
public sealed class LiveAccess(ILiveAccessRequestStore store, AuditTrail audit, TimeProvider clock, ILogger<LiveAccess> logger)
{
    public async Task<Result<StoredResponse>> RequestAsync(Caller.Merchant caller, BusinessDetails business, CancellationToken cancellationToken)
    {
        if (caller.Mode != Mode.Test) return Errors.Forbidden("Request live access with your test secret key.");
        var existing = await store.ListAsync(caller.Scope, cancellationToken);
        if (existing.Any(request => request.Status == LiveAccessStatus.Approved)) return Errors.StateInvalid("Live mode is already enabled for this merchant.");
        if (existing.FirstOrDefault(request => request.Status == LiveAccessStatus.Pending) is { } pending)
        {
            return Errors.StateInvalid($"The live access request {pending.Id} is still pending; wait for the operator's decision.");
        }
        var request = new LiveAccessRequest(PrefixedId.New("lar", clock), caller.MerchantId, business, LiveAccessStatus.Pending, clock.GetUtcNow());
        await store.CreateAsync(request, cancellationToken);
        logger.LogInformation("Merchant {MerchantId} requested live access ({RequestId})", caller.MerchantId, request.Id);
        return StoredResponse.Of(201, LiveAccessRequestView.From(request));
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, CancellationToken cancellationToken)
    {
        var found = await store.ListAsync(caller.Scope, cancellationToken);
        return StoredResponse.Of(200, new ListView<LiveAccessRequestView>("list", found.Select(request => LiveAccessRequestView.From(request)).ToList(), false, "/v1/live_access_requests"));
    }

    /// <summary>The request; the first read after approval mints the live keys and shows them, once.</summary>
    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string id, string requestId, CancellationToken cancellationToken)
    {
        var request = await FindAsync(caller.Scope, id, cancellationToken);
        if (request is null) return Errors.ResourceMissing("live access request");
        if (request is not { Status: LiveAccessStatus.Approved, KeysRevealedAt: null }) return StoredResponse.Of(200, LiveAccessRequestView.From(request));

        var secret = IssuedApiKey.Mint(request.MerchantId, ApiKeyKind.Secret, Mode.Live, clock);
        var publishable = IssuedApiKey.Mint(request.MerchantId, ApiKeyKind.Publishable, Mode.Live, clock);
        var revealed = request with { KeysRevealedAt = clock.GetUtcNow(), LiveSecretKeyId = secret.Record.KeyId, LivePublishableKeyId = publishable.Record.KeyId };
        if (!await store.RevealAsync(revealed, [secret.Record, publishable.Record], cancellationToken))
        {
            // Another read revealed them first: this one shows none.
            var after = await store.GetAsync(caller.Scope, id, cancellationToken);
            return StoredResponse.Of(200, LiveAccessRequestView.From(after ?? request));
        }
        await audit.RecordAsync(caller.Scope, caller.KeyId, "live_access_requests.reveal_live_keys", 200, null, replayed: false, requestId);
        logger.LogInformation("Live keys {SecretKeyId} and {PublishableKeyId} of merchant {MerchantId} revealed through {LiveAccessRequestId} to key {KeyId}",
            secret.Record.KeyId, publishable.Record.KeyId, request.MerchantId, request.Id, caller.KeyId);
        return StoredResponse.Of(200, LiveAccessRequestView.From(revealed, LiveApiKeysView.From(secret, publishable)));
    }

    public Task<Result<StoredResponse>> ApproveAsync(Caller caller, string id, string requestId, CancellationToken cancellationToken) =>
        DecideAsync(caller, id, LiveAccessStatus.Approved, null, requestId, cancellationToken);

    public Task<Result<StoredResponse>> RejectAsync(Caller caller, string id, string? reason, string requestId, CancellationToken cancellationToken) =>
        DecideAsync(caller, id, LiveAccessStatus.Rejected, reason, requestId, cancellationToken);

    private async Task<Result<StoredResponse>> DecideAsync(Caller caller, string id, LiveAccessStatus decision, string? reason, string requestId, CancellationToken cancellationToken)
    {
        var request = PrefixedId.IsWellFormed(id, "lar") ? await store.FindAsync(id, cancellationToken) : null;
        if (request is null) return Errors.ResourceMissing("live access request");
        if (request.Status != LiveAccessStatus.Pending) return Errors.StateInvalid($"This request was already {LiveAccessRequestView.StatusName(request.Status)}.");

        var decided = request with { Status = decision, DecidedAt = clock.GetUtcNow(), RejectionReason = reason };
        var view = LiveAccessRequestView.From(decided);
        // The merchant's endpoints today are its sandbox's: the event goes to them, in the scope the request lives in.
        var enabled = decision == LiveAccessStatus.Approved ? PlatformEvent.Of(EventTypes.MerchantLiveEnabled, request.Scope, Mode.Test, view, clock) : null;
        await store.DecideAsync(decided, enabled, cancellationToken);

        var action = decision == LiveAccessStatus.Approved ? "live_access_requests.approved" : "live_access_requests.rejected";
        await audit.RecordAsync(request.Scope, caller.KeyId, action, 200, null, replayed: false, requestId);
        logger.LogInformation("Live access request {LiveAccessRequestId} of merchant {MerchantId} {Decision} by {KeyId}, request {RequestId}",
            request.Id, request.MerchantId, LiveAccessRequestView.StatusName(decision), caller.KeyId, requestId);
        return StoredResponse.Of(200, view);
    }

    private async Task<LiveAccessRequest?> FindAsync(string scope, string id, CancellationToken cancellationToken) =>
        PrefixedId.IsWellFormed(id, "lar") ? await store.GetAsync(scope, id, cancellationToken) : null;
}
