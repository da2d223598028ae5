using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Audit;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Audit;

/// <summary>
/// The audit table. A request returns only after its line is stored, but concurrent writes of one merchant
/// share a table batch (<see cref="GroupedInserts"/>) instead of costing a storage call each.
/// </summary>
public sealed class TableAuditLog(TableServiceClient service, IOptions<StorageOptions> options) : IAuditLog
{
    private readonly GroupedInserts inserts = new(service.GetTableClient(options.Value.AuditTable));

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => inserts.AddAsync(new AuditEntity
    {
        PartitionKey = entry.Scope,
        RowKey = entry.Id,
        KeyId = entry.KeyId,
        Action = entry.Action,
        Status = entry.Status,
        ErrorCode = entry.ErrorCode,
        Replayed = entry.Replayed,
        RequestId = entry.RequestId,
        At = entry.At,
    });
}
