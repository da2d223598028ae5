using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>Delivery checks as due rows of the work table (partition <c>delivery-checks</c>, ADR 011).</summary>
public sealed class TableDeliveryChecks(DueRows rows) : IDeliveryChecks
{
    public const string Partition = "delivery-checks";

    public Task ScheduleAsync(DeliveryCheck check, CancellationToken cancellationToken) =>
        rows.PutAsync(new TableEntity(Partition, RowKey(check))
        {
            ["Id"] = check.Id,
            ["Scope"] = check.Scope,
            ["DeliveriesJson"] = JsonSerializer.Serialize(check.Deliveries),
            ["DueAt"] = check.DueAt,
            ["Checks"] = check.Checks,
        }, cancellationToken);

    public async Task<IReadOnlyList<DeliveryCheck>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        (await rows.DueAsync(Partition, now, max, cancellationToken))
            .Select(row => new DeliveryCheck(row.GetString("Id"), row.GetString("Scope"),
                JsonSerializer.Deserialize<List<DeliveryRef>>(row.GetString("DeliveriesJson")) ?? [], row.GetDateTimeOffset("DueAt")!.Value, row.GetInt32("Checks") ?? 0))
            .ToList();

    public Task RemoveAsync(DeliveryCheck check, CancellationToken cancellationToken) => rows.RemoveAsync(Partition, RowKey(check), cancellationToken);

    private static string RowKey(DeliveryCheck check) => DueRows.RowKey(check.DueAt, $"{check.Scope}|{check.Id}");
}
