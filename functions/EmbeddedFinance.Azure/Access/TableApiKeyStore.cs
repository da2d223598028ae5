using Azure;
using Page = EmbeddedFinance.Core.Api.Page<EmbeddedFinance.Core.Access.ApiKeyRecord>;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Azure.Access;

/// <summary>
/// A key's two rows (<see cref="ApiKeyRows"/>) live in different partitions, so no batch holds both. Every change
/// writes them in the order that fails closed: a crash in between leaves at worst a key that works although nobody
/// was shown it (create, roll) or a listed key that no longer works (revoke), never a key that works after it was
/// revoked or whose end was promised. The object row commits with the idempotency completion, so a retry with the
/// same Idempotency-Key runs the change again until it has fully happened.
/// </summary>
public sealed class TableApiKeyStore(StateTable table, StateBatches batches, TableApiKeyDirectory directory) : IApiKeyStore
{
    public async Task CreateAsync(ApiKeyRecord key, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        await table.Client.AddEntityAsync(ApiKeyRows.ToEntity(key), cancellationToken);
        var batch = batches.For(key.Scope).Add(ApiKeyRows.ToObjectEntity(key));
        await batch.CompleteAsync(completion, cancellationToken);
        await RowWithdrawal.RunAsync(table, [ApiKeyRows.ToEntity(key)], () => batch.SubmitAsync(cancellationToken));
    }

    public async Task<ApiKeyRecord?> GetAsync(string scope, string keyId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<ApiKeyEntity>(scope, StateTable.RowKey(ApiKeyEntity.ObjectKind, keyId), cancellationToken: cancellationToken);
        return found.HasValue ? ApiKeyRows.ToRecord(found.Value!) : null;
    }

    public Task<Page> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<ApiKeyEntity, ApiKeyRecord>(table.Client, scope, ApiKeyEntity.ObjectKind, page, ApiKeyRows.ToRecord, cancellationToken);

    public async Task RollAsync(ApiKeyRecord rolled, ApiKeyRecord replacement, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        await table.Client.AddEntityAsync(ApiKeyRows.ToEntity(replacement), cancellationToken);
        // The old key's end is set before the answer is recorded: a retry sets it again, never later than promised. An
        // update, not an upsert: a key revoked meanwhile stays revoked.
        try
        {
            await table.Client.UpdateEntityAsync(ApiKeyRows.ToEntity(rolled), ETag.All, global::Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // Revoked while being rolled: it already ended, sooner than the roll would have ended it.
        }
        directory.Forget(rolled.Hash);
        var batch = batches.For(rolled.Scope)
            .Add(ApiKeyRows.ToObjectEntity(replacement))
            .Replace(WithAnyVersion(ApiKeyRows.ToObjectEntity(rolled)));
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task RevokeAsync(ApiKeyRecord key, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var index = ApiKeyRows.ToEntity(key);
        await table.Client.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        directory.Forget(key.Hash);
        var batch = batches.For(key.Scope).Delete(WithAnyVersion(ApiKeyRows.ToObjectEntity(key)));
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    private static ApiKeyEntity WithAnyVersion(ApiKeyEntity entity)
    {
        entity.ETag = ETag.All;
        return entity;
    }
}
