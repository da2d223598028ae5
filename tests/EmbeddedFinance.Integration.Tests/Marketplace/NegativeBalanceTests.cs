using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Marketplace;

/// <summary>A refund after the driver was paid out: the balance goes negative, payouts stop, later earnings repay it first.</summary>
public sealed class NegativeBalanceTests : HostedTest
{
    private PaymentClient client = null!;
    private string token = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    // Report a negative balance at once, so that the test need not wait days.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payouts:SandboxReportAfter"] = "00:00:00",
        ["Reconciliation:NegativeBalanceAlertAfter"] = "00:00:00",
    };

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
    }

    [Fact]
    public async Task A_refund_after_a_payout_goes_negative_emits_once_refuses_payouts_and_later_earnings_repay_it_first()
    {
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        var ride = (await client.PayAsync(token, 5_500, fee: 500, splits: [new { account = driver, amount = 5_000 }])).GetProperty("id").GetString()!;
        await AvailableAsync(driver, 5_000, "the ride settled");
        var payout = await PaymentClient.ExpectAsync(await Payout(driver, 5_000), HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "in_transit") == 0, "the payout paid");

        var refund = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{ride}/refunds", new { amount = 3_000 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await AvailableAsync(driver, -3_000, "the refund taken from the paid-out driver");
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{ride}/refunds", new { amount = 1_000 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await AvailableAsync(driver, -4_000, "a second refund, further below zero");

        Assert.Equal(3_000, refund.GetProperty("splits")[0].GetProperty("amount").GetInt64());
        var negative = Assert.Single(await NegativeEventsAsync());
        Assert.Equal((driver, -3_000L), (negative.GetProperty("account").GetString(), negative.GetProperty("available").GetInt64()));
        await Problem.AssertAsync(await Payout(driver, 100), 402, "balance_insufficient", "amount");
        var report = await ReconcileAsync();
        var reported = Assert.Single(report.NegativeBalances!);
        Assert.Equal((Scope, driver, -4_000L), (reported.Scope, reported.Account, reported.Amount));

        // The next ride repays part of the debt: nothing becomes available, payouts stay refused.
        await client.PayAsync(token, 2_750, fee: 250, splits: [new { account = driver, amount = 2_500 }]);
        await AvailableAsync(driver, -1_500, "the next ride netted against the debt");
        await Problem.AssertAsync(await Payout(driver, 100), 402, "balance_insufficient", "amount");
        // The one after repays the rest; only what is left over becomes available, and can be paid out.
        await client.PayAsync(token, 2_200, fee: 200, splits: [new { account = driver, amount = 2_000 }]);
        await AvailableAsync(driver, 500, "the debt repaid");
        await PaymentClient.ExpectAsync(await Payout(driver, 500), HttpStatusCode.Created);

        Assert.Single(await NegativeEventsAsync());
        var after = await ReconcileAsync();
        Assert.Empty(after.NegativeBalances!);
        Assert.Equal(0, await IndexRowsAsync());
        Assert.Equal("paid", (await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payouts/{payout.GetProperty("id").GetString()}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Crossing_below_zero_again_after_recovering_emits_again_and_each_stretch_has_its_own_index_row()
    {
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        var first = (await client.PayAsync(token, 1_000, splits: [new { account = driver, amount = 1_000 }])).GetProperty("id").GetString()!;
        await AvailableAsync(driver, 1_000, "the first ride settled");
        await PaymentClient.ExpectAsync(await Payout(driver, 1_000), HttpStatusCode.Created);
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{first}/refunds", null, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await AvailableAsync(driver, -1_000, "the first ride refunded after its payout");
        Assert.Equal(1, await IndexRowsAsync());

        var second = (await client.PayAsync(token, 1_500, splits: [new { account = driver, amount = 1_500 }])).GetProperty("id").GetString()!;
        await AvailableAsync(driver, 500, "recovered by the second ride");
        // Settlement removes the index row after the batch that repaid the balance, so a reader can see the balance first.
        await Eventually.HoldsAsync(async () => await IndexRowsAsync() == 0, "the recovered balance's index row removed");
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{second}/refunds", null, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await AvailableAsync(driver, -1_000, "below zero again");

        Assert.Equal([-1_000L, -1_000L], (await NegativeEventsAsync()).Select(e => e.GetProperty("available").GetInt64()));
        Assert.Equal(1, await IndexRowsAsync());
        Assert.Single((await ReconcileAsync()).NegativeBalances!);
    }

    [Fact]
    public async Task An_index_row_that_no_longer_holds_is_removed_by_reconciliation_and_never_reported()
    {
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        await client.PayAsync(token, 1_000, splits: [new { account = driver, amount = 1_000 }]);
        await AvailableAsync(driver, 1_000, "the ride settled");
        // A crossing whose batch never committed (or a balance a failed payout brought back): the row is only a hint.
        var since = DateTimeOffset.UtcNow.AddDays(-1);
        await Host.Services.GetRequiredService<EmbeddedFinance.Azure.Recovery.DueRows>().PutAsync(
            new TableEntity(TableNegativeBalances.Partition, EmbeddedFinance.Azure.Recovery.DueRows.RowKey(since, $"{Scope}|{LedgerAccounts.Available(driver)}|usd"))
            {
                ["Scope"] = Scope, ["Account"] = LedgerAccounts.Available(driver), ["Currency"] = "usd", ["Since"] = since,
            }, CancellationToken.None);

        Assert.Empty((await ReconcileAsync()).NegativeBalances!);
        Assert.Equal(0, await IndexRowsAsync());
    }

    private Task<HttpResponseMessage> Payout(string driver, long amount) =>
        client.PostAsync("v1/payouts", new { account = driver, amount, currency = "usd" }, Guid.NewGuid().ToString());

    private Task AvailableAsync(string driver, long amount, string what) =>
        Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == amount, $"{what}: available {amount}");

    private async Task<List<JsonElement>> NegativeEventsAsync()
    {
        var list = await PaymentClient.ExpectAsync(await client.GetAsync("v1/events?type=account.balance_negative&limit=100"), HttpStatusCode.OK);
        return list.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("object").Clone()).ToList();
    }

    private async Task<ReconciliationReport> ReconcileAsync()
    {
        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Unbalanced);
        Assert.Empty(report.Drift);
        return report;
    }

    private async Task<int> IndexRowsAsync()
    {
        var work = Host.Tables.GetTableClient(Host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.WorkTable);
        var count = 0;
        await foreach (var _ in work.QueryAsync<TableEntity>(row => row.PartitionKey == TableNegativeBalances.Partition)) count++;
        return count;
    }
}
