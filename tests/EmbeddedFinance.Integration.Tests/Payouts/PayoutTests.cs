using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Payouts;

/// <summary>Payouts on Azurite over HTTP, on the host's own triggers: reserve, submit to the sandbox rail, paid or failed.</summary>
public sealed class PayoutTests : HostedTest
{
    private PaymentClient client = null!;
    private string token = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payouts:SandboxReportAfter"] = "00:00:00" };

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
    }

    [Fact]
    public async Task Fifty_concurrent_payouts_against_a_balance_for_ten_leave_ten_accepted_and_the_balance_at_zero()
    {
        var driver = await FundedDriverAsync(10_000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            client.PostAsync("v1/payouts", new { account = driver, amount = 1_000, currency = "usd", method = "standard" }, Guid.NewGuid().ToString()))));

        var statuses = responses.Select(response => (int)response.StatusCode).ToList();
        Assert.Equal(10, statuses.Count(status => status == 201));
        Assert.Equal(40, statuses.Count(status => status == 402));
        foreach (var refused in responses.Where(response => (int)response.StatusCode == 402))
        {
            await Problem.AssertAsync(refused, 402, "balance_insufficient", "amount");
        }
        Assert.Equal(0, await client.BalanceAsync(driver, "available"));
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "in_transit") == 0, "all ten payouts paid");
        Assert.Equal(10, (await PayoutsAsync(driver)).Count(payout => payout.GetProperty("status").GetString() == "paid"));
        await AssertLedgerReconcilesAsync();
        Assert.Equal(10_000, await BalanceOfAsync(LedgerAccounts.PaidOut));
    }

    [Fact]
    public async Task A_paid_payout_goes_through_in_transit_and_emits_created_and_paid()
    {
        var driver = await FundedDriverAsync(5_000);
        var payout = await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 3_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var id = payout.GetProperty("id").GetString()!;
        Assert.Equal("pending", payout.GetProperty("status").GetString());
        Assert.Equal("6789", payout.GetProperty("destination_last4").GetString());
        Assert.Equal(2_000, await client.BalanceAsync(driver, "available"));
        Assert.Equal(3_000, await client.BalanceAsync(driver, "in_transit"));

        await Eventually.HoldsAsync(async () => (await StatusAsync(id)) == "paid", "payout paid");
        Assert.Equal(0, await client.BalanceAsync(driver, "in_transit"));
        Assert.Equal(2_000, await client.BalanceAsync(driver, "available"));
        Assert.Equal(1, await CountEventsAsync("payout.created"));
        Assert.Equal(1, await CountEventsAsync("payout.paid"));
        await AssertLedgerReconcilesAsync();
    }

    [Theory]
    [InlineData("000111111116", "no_account")]
    [InlineData("000111111113", "account_closed")]
    public async Task A_failed_payout_returns_exactly_its_amount_and_says_why(string accountNumber, string failureCode)
    {
        var driver = await FundedDriverAsync(5_000, accountNumber);
        var payout = await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 3_500, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var id = payout.GetProperty("id").GetString()!;

        await Eventually.HoldsAsync(async () => (await StatusAsync(id)) == "failed", "payout failed");
        var failed = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payouts/{id}"), HttpStatusCode.OK);
        Assert.Equal(failureCode, failed.GetProperty("failure_code").GetString());
        Assert.Equal(5_000, await client.BalanceAsync(driver, "available"));
        Assert.Equal(0, await client.BalanceAsync(driver, "in_transit"));
        Assert.Equal(1, await CountEventsAsync("payout.failed"));
        await AssertLedgerReconcilesAsync();
    }

    [Fact]
    public async Task An_instant_payout_takes_its_fee_to_the_merchant_and_is_limited_in_amount()
    {
        var driver = await FundedDriverAsync(20_000);
        var feeBefore = await BalanceOfAsync(LedgerAccounts.Fee);
        var payout = await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 10_000, currency = "usd", method = "instant" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        Assert.Equal(100, payout.GetProperty("fee").GetInt64());
        Assert.Equal("instant", payout.GetProperty("method").GetString());
        Assert.Equal(9_900, await client.BalanceAsync(driver, "available"));
        Assert.Equal(feeBefore + 100, await BalanceOfAsync(LedgerAccounts.Fee));

        var tooLarge = await client.PostAsync("v1/payouts", new { account = driver, amount = 2_000_000, currency = "usd", method = "instant" }, Guid.NewGuid().ToString());
        await Problem.AssertAsync(tooLarge, 400, "amount_invalid", "amount");
        // The available balance covers the amount but not amount plus fee: refused.
        var short_ = await client.PostAsync("v1/payouts", new { account = driver, amount = 9_900, currency = "usd", method = "instant" }, Guid.NewGuid().ToString());
        await Problem.AssertAsync(short_, 402, "balance_insufficient", "amount");
    }

    [Fact]
    public async Task A_duplicate_rail_report_changes_nothing()
    {
        var driver = await FundedDriverAsync(4_000);
        var payout = await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 4_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var id = payout.GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(async () => (await StatusAsync(id)) == "paid", "payout paid");
        var transactions = await Host.CountRowsAsync("ledger");

        var complete = Host.Services.GetRequiredService<CompletePayout>();
        var report = new PayoutRailReport(Scope, id, Paid: true, null, null);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => complete.HandleAsync(report, CancellationToken.None)));
        // A contradicting late report is a duplicate too: the payout's outcome is final.
        await complete.HandleAsync(report with { Paid = false, FailureCode = "no_account" }, CancellationToken.None);

        Assert.Equal("paid", await StatusAsync(id));
        Assert.Equal(transactions, await Host.CountRowsAsync("ledger"));
        Assert.Equal(1, await CountEventsAsync("payout.paid"));
        Assert.Equal(0, await CountEventsAsync("payout.failed"));
        Assert.Equal(4_000, await BalanceOfAsync(LedgerAccounts.PaidOut));
        await AssertLedgerReconcilesAsync();
    }

    [Fact]
    public async Task Payouts_are_listed_newest_last_and_filtered_by_account()
    {
        var a = await FundedDriverAsync(3_000);
        var b = await FundedDriverAsync(3_000);
        foreach (var account in new[] { a, b, a })
        {
            await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account, amount = 1_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        }
        Assert.Equal(3, (await PayoutsAsync(null)).Count);
        Assert.Equal(2, (await PayoutsAsync(a)).Count);
        Assert.All(await PayoutsAsync(b), payout => Assert.Equal(b, payout.GetProperty("account").GetString()));
        var page = await PaymentClient.ExpectAsync(await client.GetAsync("v1/payouts?limit=2"), HttpStatusCode.OK);
        Assert.True(page.GetProperty("has_more").GetBoolean());
    }

    private async Task<string> FundedDriverAsync(long amount, string accountNumber = "000123456789")
    {
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank(accountNumber));
        await client.FundAsync(token, driver, amount);
        return driver;
    }

    private async Task<string?> StatusAsync(string payoutId) =>
        (await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payouts/{payoutId}"), HttpStatusCode.OK)).GetProperty("status").GetString();

    private Task<List<JsonElement>> PayoutsAsync(string? account) => client.PayoutsAsync(account);

    private async Task<long> BalanceOfAsync(string account) =>
        (await Host.Services.GetRequiredService<ILedgerReader>().BalancesAsync(Scope, account, CancellationToken.None))
        .Where(balance => balance.Key.Account == account).Sum(balance => balance.Amount);

    private async Task AssertLedgerReconcilesAsync()
    {
        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Unbalanced);
        Assert.Empty(report.Drift);
    }

    private Task<int> CountEventsAsync(string type) => Host.CountEventsAsync(Scope, type);
}
