using Azure;
using EmbeddedFinance.Azure.Access;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Onboarding;

namespace EmbeddedFinance.Azure.Onboarding;

public sealed class TableLiveAccessRequestStore(StateTable table, StateBatches batches) : ILiveAccessRequestStore
{
    /// <summary>The index row first: a crash before the request leaves an index to nothing, which reads as "no such request".</summary>
    public async Task CreateAsync(LiveAccessRequest request, CancellationToken cancellationToken)
    {
        await table.Client.AddEntityAsync(new LiveAccessRequestEntity
        {
            PartitionKey = PlatformPartition.Key,
            RowKey = StateTable.RowKey(LiveAccessRequestEntity.Kind, request.Id),
            MerchantId = request.MerchantId,
            Scope = request.Scope,
        }, cancellationToken);
        await batches.For(request.Scope).Add(ToEntity(request)).SubmitAsync(cancellationToken);
    }

    public async Task<LiveAccessRequest?> GetAsync(string scope, string id, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<LiveAccessRequestEntity>(scope, StateTable.RowKey(LiveAccessRequestEntity.Kind, id), cancellationToken: cancellationToken);
        return found.HasValue ? ToRequest(found.Value!) : null;
    }

    public async Task<LiveAccessRequest?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var index = await table.Client.GetEntityIfExistsAsync<LiveAccessRequestEntity>(PlatformPartition.Key, StateTable.RowKey(LiveAccessRequestEntity.Kind, id), cancellationToken: cancellationToken);
        return index.HasValue && index.Value!.Scope is { } scope ? await GetAsync(scope, id, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<LiveAccessRequest>> ListAsync(string scope, CancellationToken cancellationToken)
    {
        var found = new List<LiveAccessRequest>();
        await foreach (var entity in table.KindInScope<LiveAccessRequestEntity>(scope, LiveAccessRequestEntity.Kind, cancellationToken: cancellationToken)) found.Add(ToRequest(entity));
        return found.OrderByDescending(request => request.Created).ToList();
    }

    public async Task DecideAsync(LiveAccessRequest decided, PlatformEvent? decisionEvent, CancellationToken cancellationToken)
    {
        var batch = batches.For(decided.Scope).Replace(ToEntity(decided));
        if (decisionEvent is not null) batch.AddEvent(decisionEvent);
        await batch.SubmitAsync(cancellationToken);
    }

    /// <summary>
    /// The keys' rows first, then the request over the version read, as a merchant's creation writes its keys (ADR 014):
    /// when another read revealed first, the replace is refused and the keys are taken back, so only one read ever shows keys.
    /// </summary>
    public async Task<bool> RevealAsync(LiveAccessRequest revealed, IReadOnlyList<ApiKeyRecord> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys) await table.Client.AddEntityAsync(ApiKeyRows.ToEntity(key), cancellationToken);
        foreach (var scope in keys.GroupBy(key => key.Scope))
        {
            var objects = batches.For(scope.Key);
            foreach (var key in scope) objects.Add(ApiKeyRows.ToObjectEntity(key));
            await objects.SubmitAsync(cancellationToken);
        }
        try
        {
            await RowWithdrawal.RunAsync(table, [.. keys.SelectMany(key => new global::Azure.Data.Tables.ITableEntity[] { ApiKeyRows.ToEntity(key), ApiKeyRows.ToObjectEntity(key) })],
                () => batches.For(revealed.Scope).Replace(ToEntity(revealed)).SubmitAsync(cancellationToken));
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private static LiveAccessRequestEntity ToEntity(LiveAccessRequest request) => new()
    {
        PartitionKey = request.Scope,
        RowKey = StateTable.RowKey(LiveAccessRequestEntity.Kind, request.Id),
        ETag = request.Version is null ? default : new ETag(request.Version),
        MerchantId = request.MerchantId,
        Status = LiveAccessRequestView.StatusName(request.Status),
        LegalName = request.Business.LegalName,
        Country = request.Business.Country.Code,
        Website = request.Business.Website,
        Description = request.Business.Description,
        Created = request.Created,
        DecidedAt = request.DecidedAt,
        RejectionReason = request.RejectionReason,
        KeysRevealedAt = request.KeysRevealedAt,
        LiveSecretKeyId = request.LiveSecretKeyId,
        LivePublishableKeyId = request.LivePublishableKeyId,
    };

    private static LiveAccessRequest ToRequest(LiveAccessRequestEntity entity)
    {
        Country.TryParse(entity.Country, out var country);
        var status = entity.Status switch { "approved" => LiveAccessStatus.Approved, "rejected" => LiveAccessStatus.Rejected, _ => LiveAccessStatus.Pending };
        return new LiveAccessRequest(
            entity.RowKey[(LiveAccessRequestEntity.Kind.Length + 1)..], entity.MerchantId,
            new BusinessDetails(entity.LegalName, country, entity.Website, entity.Description), status, entity.Created,
            entity.DecidedAt, entity.RejectionReason, entity.KeysRevealedAt, entity.LiveSecretKeyId, entity.LivePublishableKeyId)
        {
            Version = entity.ETag.ToString(),
        };
    }
}
