using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>The latest reconciliation report, one row in the platform partition, for the health route.</summary>
public sealed class TableReconciliationLog(StateTable table) : IReconciliationLog
{
    private static readonly string Row = StateTable.RowKey("reconciliation", "latest");

    public Task SaveAsync(ReconciliationReport report, CancellationToken cancellationToken) =>
        table.Client.UpsertEntityAsync(new TableEntity(PlatformPartition.Key, Row) { ["Report"] = JsonSerializer.Serialize(report, ApiJson.Options) }, TableUpdateMode.Replace, cancellationToken);

    public async Task<ReconciliationReport?> LatestAsync(CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<TableEntity>(PlatformPartition.Key, Row, cancellationToken: cancellationToken);
        return found.HasValue ? JsonSerializer.Deserialize<ReconciliationReport>(found.Value!.GetString("Report"), ApiJson.Options) : null;
    }
}
