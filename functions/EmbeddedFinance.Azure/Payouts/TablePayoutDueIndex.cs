using Azure.Data.Tables;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Core.Payouts;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>Scheduled payouts as due rows of the work table (partition <c>payout-schedules</c>, row key <c>{due ticks}|{scope}|{account}</c>; ADR 010, 016).</summary>
public sealed class TablePayoutDueIndex(DueRows rows) : IPayoutDueIndex
{
    public const string Partition = "payout-schedules";

    public Task PutAsync(ScheduledPayoutDue due, CancellationToken cancellationToken) =>
        rows.PutAsync(new TableEntity(Partition, RowKey(due)) { ["Scope"] = due.Scope, ["Account"] = due.Account, ["DueAt"] = due.DueAt }, cancellationToken);

    public async Task<IReadOnlyList<ScheduledPayoutDue>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        (await rows.DueAsync(Partition, now, max, cancellationToken))
            .Select(row => new ScheduledPayoutDue(row.GetString("Scope"), row.GetString("Account"), row.GetDateTimeOffset("DueAt")!.Value))
            .ToList();

    public Task RemoveAsync(ScheduledPayoutDue due, CancellationToken cancellationToken) => rows.RemoveAsync(Partition, RowKey(due), cancellationToken);

    private static string RowKey(ScheduledPayoutDue due) => DueRows.RowKey(due.DueAt, $"{due.Scope}|{due.Account}");
}
