using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Azure.Outbox;

/// <summary>
/// The outbox rows (<c>outbox|evt_…</c>) of the state table: written with each change, deleted once relayed. The sweep
/// finds scopes through the work calendar's outbox marks, never by scanning the state table.
/// </summary>
public sealed class TableOutbox(StateTable table, WorkCalendar calendar) : IOutbox
{
    public async Task<IReadOnlyList<OutboxEntry>> ReadAsync(string scope, int max, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        await foreach (var entity in table.KindInScope<EventEntity>(scope, EventEntity.OutboxKind, maxPerPage: max, cancellationToken: cancellationToken))
        {
            entries.Add(new OutboxEntry(EventRows.ToEvent(entity), entity.LedgerTransactionId, entity.ETag.ToString()));
            if (entries.Count == max) break;
        }
        return entries;
    }

    public async Task MarkDispatchedAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        // Unconditional deletes: an entry relayed twice (nudge and sweep at once) is simply gone already.
        foreach (var chunk in entries.Chunk(StateBatch.MaxActions))
        {
            var actions = chunk.Select(entry => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(scope, StateTable.RowKey(EventEntity.OutboxKind, entry.Event.Id)), ETag.All));
            try
            {
                await table.Client.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 404)
            {
                await Task.WhenAll(chunk.Select(entry => table.Client.DeleteEntityAsync(scope, StateTable.RowKey(EventEntity.OutboxKind, entry.Event.Id), ETag.All, cancellationToken)));
            }
        }
    }

    public async Task<IReadOnlyList<string>> ScopesWithStaleEntriesAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        var buckets = await calendar.DueAsync(WorkPurpose.Outbox, writtenBefore, cancellationToken);
        var stale = new List<string>();
        foreach (var scope in buckets.SelectMany(bucket => bucket.Scopes).Distinct(StringComparer.Ordinal))
        {
            // The oldest row is the first (event ids sort by time): one row read, bounded by the scope's pending rows.
            var oldest = await ReadAsync(scope, 1, cancellationToken);
            if (oldest.Count == 0) continue;
            if (oldest[0].Event.Created <= writtenBefore) stale.Add(scope);
            // Still pending (a consumer failing, say): the scope moves to the current bucket before its old mark goes.
            if (buckets.Any(bucket => bucket.Closed && bucket.Scopes.Contains(scope))) await calendar.MarkAsync(WorkPurpose.Outbox, scope, calendar.Now, cancellationToken);
        }
        await calendar.DoneAsync(WorkPurpose.Outbox, buckets, cancellationToken);
        return stale;
    }
}
