using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Audit;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Audit;

public sealed class TableAuditLog(TableServiceClient service, IOptions<StorageOptions> options) : IAuditLog
{
    private readonly TableClient table = service.GetTableClient(options.Value.AuditTable);

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        table.AddEntityAsync(new AuditEntity
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
        }, cancellationToken);
}
