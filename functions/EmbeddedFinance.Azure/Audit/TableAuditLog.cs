using System.Collections.Concurrent;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Audit;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Audit;

/// <summary>
/// The audit table: one hash chain per scope (docs/decisions/020). A request returns only after its line is stored,
/// but concurrent writes of one scope share a table batch (<see cref="AuditPartitionWriter"/>) instead of costing a
/// storage call each.
/// </summary>
public sealed class TableAuditLog(TableServiceClient service, IOptions<StorageOptions> options, AuditChain chain) : IAuditLog, IAuditChainReader
{
    private readonly TableClient table = service.GetTableClient(options.Value.AuditTable);
    private readonly ConcurrentDictionary<string, AuditPartitionWriter> writers = new();

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        writers.GetOrAdd(entry.Scope, scope => new AuditPartitionWriter(table, scope, chain)).AddAsync(entry);

    public async Task<(long Sequence, string Hash)?> HeadAsync(string scope, CancellationToken cancellationToken)
    {
        var head = await table.GetEntityIfExistsAsync<AuditHeadEntity>(scope, AuditRows.Head, cancellationToken: cancellationToken);
        return head.HasValue ? (head.Value!.Sequence, head.Value.Hash) : null;
    }

    public async IAsyncEnumerable<AuditLink> ReadAsync(string scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = table.QueryAsync<AuditEntity>(
            row => row.PartitionKey == scope && row.RowKey.CompareTo(AuditRows.ChainPrefix) >= 0 && row.RowKey.CompareTo(AuditRows.ChainEnd) < 0,
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            var entry = new AuditEntry(row.EntryId, scope, row.KeyId, row.Action, row.Status, row.ErrorCode, row.Replayed, row.RequestId, row.At);
            yield return new AuditLink(row.Sequence, row.PreviousHash, row.Hash, row.KeyVersion, entry);
        }
    }
}
