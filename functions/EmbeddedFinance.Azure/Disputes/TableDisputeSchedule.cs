using Azure.Data.Tables;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Core.Disputes;

namespace EmbeddedFinance.Azure.Disputes;

/// <summary>The sandbox's dispute work as due rows of the work table (partition <c>sandbox-disputes</c>, ADR 011 and 018).</summary>
public sealed class TableDisputeSchedule(DueRows rows) : IDisputeSchedule
{
    public const string Partition = "sandbox-disputes";

    public Task ScheduleAsync(DisputeWork work, CancellationToken cancellationToken) =>
        rows.PutAsync(new TableEntity(Partition, RowKey(work)) { ["Kind"] = work.Kind.ToString(), ["Scope"] = work.Scope, ["ObjectId"] = work.ObjectId, ["DueAt"] = work.DueAt }, cancellationToken);

    public async Task<IReadOnlyList<DisputeWork>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        (await rows.DueAsync(Partition, now, max, cancellationToken))
            .Select(row => new DisputeWork(Enum.Parse<DisputeWorkKind>(row.GetString("Kind")), row.GetString("Scope"), row.GetString("ObjectId"), row.GetDateTimeOffset("DueAt")!.Value))
            .ToList();

    public Task RemoveAsync(DisputeWork work, CancellationToken cancellationToken) => rows.RemoveAsync(Partition, RowKey(work), cancellationToken);

    private static string RowKey(DisputeWork work) => DueRows.RowKey(work.DueAt, $"{work.Scope}|{work.ObjectId}");
}
