using System.Net;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Azure.Idempotency;

/// <summary>
/// Idempotency records in the state table, in the caller's partition, so a state change can commit its
/// record in the same batch. The in-flight insert is the lock: exactly one concurrent request wins it. Each record's
/// scope is marked in the work calendar at the hour it expires, so the purge visits only scopes with expired records.
/// </summary>
public sealed class TableIdempotencyStore(StateTable table, IdempotencyRecords records, WorkCalendar calendar, TimeProvider clock) : IIdempotencyStore
{
    public async Task<IdempotencyBegin> BeginAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        // Two attempts: a record released between our insert and our read is simply gone; try the insert again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var fresh = records.NewInFlight(scope, key, fingerprint);
            await calendar.MarkAsync(WorkPurpose.IdempotencyExpiry, scope, fresh.ExpiresAt, cancellationToken);
            try
            {
                return Acquired(fresh, key, await table.Inserts.AddAsync(fresh));
            }
            catch (RequestFailedException conflict) when (conflict.Status == (int)HttpStatusCode.Conflict)
            {
            }

            var existing = await table.Client.GetEntityIfExistsAsync<IdempotencyEntity>(scope, fresh.RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue) continue;
            var record = existing.Value!;
            // Our own insert, which landed but whose answer was lost: the SDK's retry of it got the conflict.
            if (record.Claim == fresh.Claim) return Acquired(fresh, key, record.ETag);
            var now = clock.GetUtcNow();

            var abandoned = record.State == IdempotencyEntity.InFlight && record.LeaseUntil <= now;
            if (record.ExpiresAt <= now || abandoned)
            {
                return await TakeOverAsync(record, fresh, key, cancellationToken);
            }
            if (record.Fingerprint != fingerprint) return new IdempotencyBegin.Mismatch();
            if (record.State == IdempotencyEntity.InFlight) return new IdempotencyBegin.InFlight();
            return new IdempotencyBegin.Replay(await records.OpenAsync(record, key, cancellationToken));
        }
        return new IdempotencyBegin.InFlight();
    }

    public async Task CompleteAsync(IdempotencyCompletion completion, CancellationToken cancellationToken)
    {
        var action = await records.CompletionActionAsync(completion, cancellationToken);
        try
        {
            await table.Client.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException lost) when (lost.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            throw new IdempotencyLeaseLostException("The idempotency record changed while the request ran.", lost);
        }
        completion.Lease.MarkCommitted();
    }

    public async Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await table.Client.DeleteEntityAsync(lease.Scope, IdempotencyRecords.RowKey(lease.Key), new ETag(lease.Version), cancellationToken);
        }
        catch (RequestFailedException gone) when (gone.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Someone else holds the record now, or it is gone: either way it is no longer ours to free.
        }
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var buckets = await calendar.DueAsync(WorkPurpose.IdempotencyExpiry, now, cancellationToken);
        var purged = 0;
        foreach (var scope in buckets.SelectMany(bucket => bucket.Scopes).Distinct(StringComparer.Ordinal))
        {
            // The scope's records span the retention (the purge keeps it so): the range read is bounded by a day's keys.
            var (from, to) = StateTable.RowKeyRange(IdempotencyRecords.Kind);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey ge {from} and RowKey lt {to} and ExpiresAt le {now}");
            await foreach (var record in table.Client.QueryAsync<IdempotencyEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                try
                {
                    await table.Client.DeleteEntityAsync(record.PartitionKey, record.RowKey, record.ETag, cancellationToken);
                    purged++;
                }
                catch (RequestFailedException changed) when (changed.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
                {
                    // Taken over by a new request since the query: it is no longer expired.
                }
            }
        }
        // A closed bucket's records have all expired, so every one was deleted above or taken over (and marked anew).
        await calendar.DoneAsync(WorkPurpose.IdempotencyExpiry, buckets, cancellationToken);
        return purged;
    }

    private async Task<IdempotencyBegin> TakeOverAsync(IdempotencyEntity stale, IdempotencyEntity fresh, string key, CancellationToken cancellationToken)
    {
        try
        {
            var replaced = await table.Client.UpdateEntityAsync(fresh, stale.ETag, TableUpdateMode.Replace, cancellationToken);
            return Acquired(fresh, key, replaced.Headers.ETag!.Value);
        }
        catch (RequestFailedException raced) when (raced.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return new IdempotencyBegin.InFlight();
        }
    }

    private static IdempotencyBegin.Acquired Acquired(IdempotencyEntity entity, string key, ETag etag) =>
        new(new IdempotencyLease(entity.PartitionKey, key, entity.Fingerprint, etag.ToString(), entity.CreatedAt));
}
