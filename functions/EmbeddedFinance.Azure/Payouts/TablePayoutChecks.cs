using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Payouts;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>
/// Payout checks in the work table: partition <c>payout-checks</c>, row key <c>{due ticks}|{scope}|{payout}</c>, so
/// the due ones are one range read from the start of the partition (see ADR 010).
/// </summary>
public sealed class TablePayoutChecks(TableServiceClient tables, IOptions<StorageOptions> options) : IPayoutChecks
{
    public const string Partition = "payout-checks";
    private readonly TableClient table = tables.GetTableClient(options.Value.WorkTable);

    public Task ScheduleAsync(PayoutCheck check, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(Partition, RowKey(check)) { ["Scope"] = check.Scope, ["PayoutId"] = check.PayoutId, ["DueAt"] = check.DueAt, ["Checks"] = check.Checks },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<PayoutCheck>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<PayoutCheck>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {Ticks(now)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            due.Add(new PayoutCheck(row.GetString("Scope"), row.GetString("PayoutId"), row.GetDateTimeOffset("DueAt")!.Value, row.GetInt32("Checks") ?? 0));
            if (due.Count == max) break;
        }
        return due;
    }

    public async Task RemoveAsync(PayoutCheck check, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(Partition, RowKey(check), ETag.All, cancellationToken);

    private static string RowKey(PayoutCheck check) => $"{Ticks(check.DueAt)}|{check.Scope}|{check.PayoutId}";

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
