using Azure.Data.Tables;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Core.Payouts;

namespace EmbeddedFinance.Azure.Payouts;

/// <summary>Payout checks as due rows of the work table (partition <c>payout-checks</c>, ADR 011).</summary>
public sealed class TablePayoutChecks(DueRows rows) : IPayoutChecks
{
    public const string Partition = "payout-checks";

    public Task ScheduleAsync(PayoutCheck check, CancellationToken cancellationToken) =>
        rows.PutAsync(new TableEntity(Partition, RowKey(check)) { ["Scope"] = check.Scope, ["PayoutId"] = check.PayoutId, ["DueAt"] = check.DueAt, ["Checks"] = check.Checks }, cancellationToken);

    public async Task<IReadOnlyList<PayoutCheck>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        (await rows.DueAsync(Partition, now, max, cancellationToken))
            .Select(row => new PayoutCheck(row.GetString("Scope"), row.GetString("PayoutId"), row.GetDateTimeOffset("DueAt")!.Value, row.GetInt32("Checks") ?? 0))
            .ToList();

    public Task RemoveAsync(PayoutCheck check, CancellationToken cancellationToken) => rows.RemoveAsync(Partition, RowKey(check), cancellationToken);

    private static string RowKey(PayoutCheck check) => DueRows.RowKey(check.DueAt, $"{check.Scope}|{check.PayoutId}");
}
