using System.Net;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Integration.Tests.Growth;

/// <summary>
/// Invariant 10, cost follows work: the same activity on a host with an empty state table and on one holding 100,000
/// unrelated rows (other scopes) plus history in the merchant's own scope (other events, payouts and transactions)
/// costs every sweep, filtered list and reconciliation increment exactly the same storage calls, and none of them sends
/// a table query without a <c>PartitionKey eq</c> (on Azurite a scan costs no extra calls, so counts alone miss it).
/// </summary>
public sealed class CostFollowsWorkTests
{
    private const int UnrelatedRows = 100_000;
    private const int HistoryPerKind = 1_500;

    [Fact]
    public async Task Sweeps_filtered_lists_and_reconciliation_cost_the_same_calls_with_or_without_stored_history()
    {
        var empty = await MeasureAsync(withHistory: false);
        var grown = await MeasureAsync(withHistory: true);

        var problems = empty.Calls.Where(pair => grown.Calls[pair.Key] != pair.Value)
            .Select(pair => $"{pair.Key}: {pair.Value} calls on an empty table, {grown.Calls[pair.Key]} with history")
            .Concat(empty.Scans.Concat(grown.Scans).Distinct().Select(scan => $"query without a partition, {scan}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private sealed record Measured(Dictionary<string, int> Calls, List<string> Scans);

    private static async Task<Measured> MeasureAsync(bool withHistory)
    {
        var clock = new FakeTimeProvider(GrowthHost.Start);
        var requests = new StorageRequests();
        await using var host = await GrowthHost.StartAsync(clock, requests);
        var state = new TableServiceClient(host.ConnectionString).GetTableClient(host.Storage.StateTable);
        try
        {
            var outbox = host.Services.GetRequiredService<IOutbox>();
            var settlement = host.Services.GetRequiredService<ISettlementStore>();
            var idempotency = host.Services.GetRequiredService<IIdempotencyStore>();
            var reconciliation = host.Services.GetRequiredService<Reconciliation>();
            // First runs find no checkpoint and look back; the measured runs are the steady ones.
            await outbox.ScopesWithStaleEntriesAsync(clock.GetUtcNow(), CancellationToken.None);
            await settlement.ScopesWithDueJobsAsync(clock.GetUtcNow(), CancellationToken.None);
            await idempotency.PurgeExpiredAsync(CancellationToken.None);
            await reconciliation.RunAsync(CancellationToken.None);

            var client = new PaymentClient(host, await host.CreateMerchantAsync());
            var scope = MerchantScope.Of(client.Merchant.Id, Mode.Test);
            var token = await client.TokenAsync();
            var driverA = await client.AccountAsync("A", PaymentClient.UsBank());
            var driverB = await client.AccountAsync("B", PaymentClient.UsBank());
            if (withHistory) await AddHistoryAsync(state, scope);

            for (var i = 0; i < 3; i++) await client.PayAsync(token, 10_000, fee: 1_000, splits: [new { account = driverA, amount = 6_000 }, new { account = driverB, amount = 3_000 }]);
            await host.Services.GetRequiredService<RelayOutbox>().RunAsync(scope, CancellationToken.None);
            await host.Services.GetRequiredService<SettleScope>().RunAsync(scope, CancellationToken.None);
            for (var i = 0; i < 3; i++)
            {
                await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driverA, amount = 1_000, currency = "usd", method = "standard" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
            }
            // One payment whose nudge is lost, so the outbox sweep has work; the settlement sweep finds its job.
            await client.PayAsync(token, 2_000, splits: [new { account = driverB, amount = 2_000 }]);
            await client.GetAsync("v1/events?limit=1");
            clock.Advance(TimeSpan.FromMinutes(2));

            var calls = new Dictionary<string, int>();
            var scans = new List<string>();
            async Task Measure(string operation, Func<Task> run)
            {
                var sent = await requests.DuringAsync(run);
                calls[operation] = sent.Count;
                scans.AddRange(sent.Select(StorageRequests.FilterOf).OfType<string>().Where(filter => !filter.Contains("PartitionKey eq", StringComparison.Ordinal)).Select(filter => $"{operation}: {filter}"));
            }

            await Measure("outbox sweep", async () => Assert.Contains(scope, await outbox.ScopesWithStaleEntriesAsync(clock.GetUtcNow() - TimeSpan.FromSeconds(5), CancellationToken.None)));
            await Measure("settlement sweep", async () => Assert.Contains(scope, await settlement.ScopesWithDueJobsAsync(clock.GetUtcNow() - TimeSpan.FromSeconds(5), CancellationToken.None)));
            await Measure("events?type=", async () => await ExpectCountAsync(client, "v1/events?type=payout.created&limit=2", 2));
            await Measure("payouts?account=", async () => await ExpectCountAsync(client, $"v1/payouts?account={driverA}&limit=2", 2));
            await Measure("ledger/transactions?account=", async () => await ExpectCountAsync(client, $"v1/ledger/transactions?account={driverA}&limit=2", 2));
            await Measure("reconciliation increment", async () =>
            {
                var report = await reconciliation.RunAsync(CancellationToken.None);
                Assert.Empty(report.Drift);
                Assert.Empty(report.Unbalanced);
                Assert.True(report.Transactions > 0);
            });
            clock.Advance(TimeSpan.FromHours(25));
            await Measure("idempotency purge", async () => Assert.True(await idempotency.PurgeExpiredAsync(CancellationToken.None) >= 3));
            return new Measured(calls, scans);
        }
        finally
        {
            await state.DeleteAsync();
        }
    }

    private static async Task ExpectCountAsync(PaymentClient client, string path, int count) =>
        Assert.Equal(count, (await PaymentClient.ExpectAsync(await client.GetAsync(path), HttpStatusCode.OK)).GetProperty("data").GetArrayLength());

    /// <summary>
    /// 100,000 rows of other scopes, and in the merchant's own scope events of another type, payouts of another account
    /// and transactions of other accounts, all sorting before the real ones (a filtered scan would pass over them first).
    /// </summary>
    private static async Task AddHistoryAsync(TableClient state, string scope)
    {
        await GrowthHost.AddRowsAsync(state, UnrelatedRows, i => new TableEntity($"mer_unrelated{i / 100:D5}:test", $"payment|pay_{i:D8}") { ["Body"] = new string('x', 200) });
        await GrowthHost.AddRowsAsync(state, HistoryPerKind, i => new TableEntity(scope, $"event|evt_!{i:D6}")
        {
            ["EventId"] = $"evt_!{i:D6}", ["Type"] = "account.updated", ["Mode"] = "Test", ["Created"] = GrowthHost.Start.AddDays(-1), ["ObjectJson"] = "{}",
        });
        await GrowthHost.AddRowsAsync(state, HistoryPerKind, i => new TableEntity(scope, $"payout|po_!{i:D6}")
        {
            ["Mode"] = "Test", ["Account"] = "acct_someoneelse", ["Amount"] = 100L, ["Fee"] = 0L, ["Currency"] = "usd", ["Method"] = "Standard", ["Status"] = "Paid", ["Created"] = GrowthHost.Start.AddDays(-1),
        });
        await GrowthHost.AddRowsAsync(state, HistoryPerKind, i => new TableEntity(scope, $"ledger|ltx_!{i:D6}")
        {
            ["Currency"] = "usd", ["Type"] = "payment.capture", ["Reference"] = "pay_old", ["PostingsJson"] = "[]", ["Created"] = GrowthHost.Start.AddDays(-1),
        });
    }
}
