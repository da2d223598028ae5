using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Payouts;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Integration.Tests.Growth;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Payouts;

/// <summary>
/// Payout schedules on Azurite: the schedule on the account (create, PATCH, bad input), and the scheduled run, driven
/// here at "tomorrow" (a clock a day ahead) instead of by its timer, so each test decides when it runs.
/// </summary>
public sealed class PayoutScheduleTests : HostedTest
{
    private PaymentClient client = null!;
    private string token = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payouts:SandboxReportAfter"] = "00:00:00",
        ["Schedules:PayScheduledPayouts"] = GrowthHost.Never,
    };

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
    }

    [Fact]
    public async Task A_daily_schedule_pays_the_available_balance_once_as_an_automatic_payout()
    {
        var driver = await ScheduledDriverAsync(new { interval = "daily" });
        await FundAsync(driver, 5_000);

        Assert.Equal(1, await RunTomorrowAsync());

        var payout = Assert.Single(await PayoutsAsync(driver));
        Assert.True(payout.GetProperty("automatic").GetBoolean());
        Assert.Equal(5_000, payout.GetProperty("amount").GetInt64());
        Assert.Equal($"Automatic payout for {Tomorrow:yyyy-MM-dd}", payout.GetProperty("description").GetString());
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "in_transit") == 0, "the automatic payout paid");
        Assert.Equal(0, await client.BalanceAsync(driver, "available"));
        Assert.Equal(1, await Host.CountEventsAsync(Scope, "payout.created"));
        Assert.Equal(1, await Host.CountWorkRowsAsync(TablePayoutDueIndex.Partition));
    }

    [Fact]
    public async Task Two_concurrent_runs_and_a_run_after_a_restart_pay_each_account_once_for_the_period()
    {
        var drivers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            drivers.Add(await ScheduledDriverAsync(new { interval = "daily" }));
            await FundAsync(drivers[^1], 2_000 + i);
        }

        var made = await Task.WhenAll(Task.Run(RunTomorrowAsync), Task.Run(RunTomorrowAsync));

        Assert.Equal(3, made.Sum());
        // A restart that lost the run's last steps: the period's rows are back, and new earnings are available.
        var index = Host.Services.GetRequiredService<IPayoutDueIndex>();
        foreach (var driver in drivers)
        {
            await index.PutAsync(new ScheduledPayoutDue(Scope, driver, Tomorrow), CancellationToken.None);
            await FundAsync(driver, 700);
        }
        Assert.Equal(0, await RunTomorrowAsync());

        foreach (var (driver, i) in drivers.Select((driver, i) => (driver, i)))
        {
            var payout = Assert.Single(await PayoutsAsync(driver));
            Assert.Equal(2_000 + i, payout.GetProperty("amount").GetInt64());
            Assert.Equal(700, await client.BalanceAsync(driver, "available"));
        }
        Assert.Contains(Host.Logs.Lines, line => line.Contains(drivers[0], StringComparison.Ordinal) && line.Contains("already paid", StringComparison.Ordinal));
        // The losing run met a paid period and rows already moved, not errors.
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains("retried on the next run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_with_nothing_available_is_skipped_with_a_log_line_naming_it()
    {
        var driver = await ScheduledDriverAsync(new { interval = "daily" });

        Assert.Equal(0, await RunTomorrowAsync());

        Assert.Empty(await PayoutsAsync(driver));
        Assert.Contains(Host.Logs.Lines, line => line.Contains(driver, StringComparison.Ordinal) && line.Contains("nothing is available", StringComparison.Ordinal));
        Assert.Equal(1, await Host.CountWorkRowsAsync(TablePayoutDueIndex.Partition));
    }

    [Fact]
    public async Task Delay_days_hold_back_what_settlement_released_within_them()
    {
        var held = await ScheduledDriverAsync(new { interval = "daily", delay_days = 2 });
        var paid = await ScheduledDriverAsync(new { interval = "daily", delay_days = 0 });
        await FundAsync(held, 4_000);
        await FundAsync(paid, 4_000);

        Assert.Equal(1, await RunTomorrowAsync());

        Assert.Empty(await PayoutsAsync(held));
        Assert.Equal(4_000, await client.BalanceAsync(held, "available"));
        Assert.Contains(Host.Logs.Lines, line => line.Contains(held, StringComparison.Ordinal) && line.Contains("held back", StringComparison.Ordinal));
        Assert.Equal(4_000, Assert.Single(await PayoutsAsync(paid)).GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Patch_moves_the_schedule_and_its_row_in_the_due_index_and_emits_account_updated()
    {
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        Assert.Equal(0, await Host.CountWorkRowsAsync(TablePayoutDueIndex.Partition));

        var daily = await PatchAsync(driver, new { payout_schedule = new { interval = "daily", delay_days = 2 } }, HttpStatusCode.OK);
        Assert.Equal("daily", daily.GetProperty("payout_schedule").GetProperty("interval").GetString());
        Assert.Equal(2, daily.GetProperty("payout_schedule").GetProperty("delay_days").GetInt32());
        Assert.Equal([NextDue(new PayoutSchedule(PayoutInterval.Daily))], await DueTimesAsync());

        var weekly = await PatchAsync(driver, new { payout_schedule = new { interval = "weekly", weekly_anchor = "friday" } }, HttpStatusCode.OK);
        Assert.Equal("friday", weekly.GetProperty("payout_schedule").GetProperty("weekly_anchor").GetString());
        Assert.Equal([NextDue(new PayoutSchedule(PayoutInterval.Weekly, DayOfWeek.Friday))], await DueTimesAsync());

        await PatchAsync(driver, new { payout_schedule = new { interval = "manual" } }, HttpStatusCode.OK);
        Assert.Empty(await DueTimesAsync());
        var shown = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{driver}"), HttpStatusCode.OK);
        Assert.Equal("manual", shown.GetProperty("payout_schedule").GetProperty("interval").GetString());
        // Three schedule changes, and the identity supplied and verified before (ADR 026).
        Assert.Equal(3 + 2, await Host.CountEventsAsync(Scope, "account.updated"));
    }

    [Fact]
    public async Task Bad_schedules_are_400_naming_the_parameter_and_change_nothing()
    {
        var driver = await ScheduledDriverAsync(new { interval = "monthly", monthly_anchor = 31 });
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "account.created relayed");
        var before = await StateAsync();

        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { interval = "daily", weekly_anchor = "monday" } }), 400, "parameter_invalid", "payout_schedule.weekly_anchor");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { interval = "monthly", monthly_anchor = 32 } }), 400, "parameter_invalid", "payout_schedule.monthly_anchor");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { interval = "daily", delay_days = 31 } }), 400, "parameter_invalid", "payout_schedule.delay_days");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { interval = "hourly" } }), 400, "parameter_invalid", "payout_schedule.interval");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { delay_days = 1 } }), 400, "parameter_missing", "payout_schedule.interval");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { }), 400, "invalid_request");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { interval = "daily", hour = 6 } }), 400, "parameter_unknown");
        await Problem.AssertAsync(await PatchResponseAsync(driver, new { payout_schedule = new { interval = "daily" }, display_name = "Mallory" }), 400, "parameter_unknown", "display_name");
        await Problem.AssertAsync(await PatchResponseAsync(driver, """{"payout_schedule":{"interval":"monthly","monthly_anchor":"5"}}"""), 400, "parameter_invalid");
        await Problem.AssertAsync(await client.PostAsync("v1/accounts", new
        {
            display_name = "Eve", email = "eve@example.com", country = "US", default_currency = "usd", payout_schedule = new { interval = "weekly", monthly_anchor = 3 },
        }), 400, "parameter_invalid", "payout_schedule.monthly_anchor");

        Assert.Equal(before, await StateAsync());
        Assert.Equal([NextDue(new PayoutSchedule(PayoutInterval.Monthly, MonthlyAnchor: 31))], await DueTimesAsync());
    }

    private static DateTimeOffset Tomorrow => new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    private static DateTimeOffset NextDue(PayoutSchedule schedule) => schedule.NextDueAfter(DateTimeOffset.UtcNow)!.Value;

    /// <summary>One scheduled run as it would happen a day from now, by a fresh instance (as another process would build it).</summary>
    private Task<int> RunTomorrowAsync() =>
        ActivatorUtilities.CreateInstance<PayScheduledPayouts>(Host.Services, (TimeProvider)new AheadClock(TimeSpan.FromDays(1))).RunAsync(CancellationToken.None);

    private async Task<string> ScheduledDriverAsync(object schedule)
    {
        var account = await PaymentClient.ExpectAsync(await client.PostAsync("v1/accounts", new
        {
            display_name = "Driver", email = "driver@example.com", country = "US", default_currency = "usd", payout_destination = PaymentClient.UsBank(), payout_schedule = schedule,
        }), HttpStatusCode.Created);
        var id = account.GetProperty("id").GetString()!;
        await client.VerifyAsync(id);
        return id;
    }

    private Task FundAsync(string driver, long amount) => client.FundAsync(token, driver, amount);

    private Task<HttpResponseMessage> PatchResponseAsync(string account, object body) =>
        Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{account}", client.Merchant.SecretKey, body, Guid.NewGuid().ToString());

    private async Task<JsonElement> PatchAsync(string account, object body, HttpStatusCode status) => await PaymentClient.ExpectAsync(await PatchResponseAsync(account, body), status);

    private Task<List<JsonElement>> PayoutsAsync(string account) => client.PayoutsAsync(account);

    private async Task<List<DateTimeOffset>> DueTimesAsync()
    {
        var due = new List<DateTimeOffset>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.WorkTable).QueryAsync<TableEntity>(row => row.PartitionKey == TablePayoutDueIndex.Partition))
        {
            due.Add(row.GetDateTimeOffset("DueAt")!.Value);
        }
        return due;
    }

    /// <summary>Every row of the state table with its version (the audit trail records refused writes, so it is left out).</summary>
    private async Task<List<string>> StateAsync()
    {
        var rows = new List<string>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.StateTable).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.ETag}");
        }
        return rows;
    }

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
