using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Settlement;

/// <summary>
/// Settlement on Azurite. The nudge is switched off so that each test decides when the relay and settlement
/// run, as a crash would leave them; one test lets the host's own queue triggers do everything.
/// </summary>
public sealed class SettlementTests : HostedTest
{
    private const string Never = "0 0 0 1 1 *";
    private PaymentClient client = null!;
    private string token = null!;
    private string driverA = null!;
    private string driverB = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Schedules:SweepOutbox"] = Never, ["Schedules:SweepSettlement"] = Never };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IOutboxNudge, NoNudge>();

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
        driverA = await client.AccountAsync("A");
        driverB = await client.AccountAsync("B");
    }

    [Fact]
    public async Task Each_job_asked_for_three_times_shuffled_by_concurrent_workers_is_applied_once()
    {
        var payments = await MakeActivityAsync(12);
        var requests = await RelayAsync();
        Assert.NotEmpty(requests);

        // Three deliveries of every request, shuffled, to eight workers that stand for eight instances.
        var deliveries = requests.Concat(requests).Concat(requests).OrderBy(_ => Random.Shared.Next()).ToList();
        var workers = Enumerable.Range(0, 8).Select(_ => NewWorker()).ToList();
        await Task.WhenAll(deliveries.Select((request, i) => Task.Run(() => workers[i % workers.Count].RunAsync(request.Scope, CancellationToken.None))));

        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Drift);
        Assert.Empty(report.Unbalanced);
        await AssertBalancesMatchPaymentsAsync(payments);
        Assert.Equal(0, await Host.CountRowsAsync("job"));
        Assert.Equal(payments.CapturedCount, await CountEventsAsync("payment.settled"));
    }

    [Fact]
    public async Task Settling_again_after_a_crash_before_the_message_was_deleted_changes_nothing()
    {
        var payments = await MakeActivityAsync(3);
        await RelayAsync();
        var settle = Host.Services.GetRequiredService<SettleScope>();
        Assert.True(await settle.RunAsync(Scope, CancellationToken.None) > 0);
        var balances = await BalancesAsync();

        // The message comes back (the process died before deleting it): a second run finds nothing due.
        Assert.Equal(0, await settle.RunAsync(Scope, CancellationToken.None));
        Assert.Equal(balances, await BalancesAsync());
        await AssertBalancesMatchPaymentsAsync(payments);
    }

    [Fact]
    public async Task Events_left_in_the_outbox_by_a_crash_are_found_by_the_sweep_and_relayed_once()
    {
        await client.PayAsync(token, 5_000, fee: 500, splits: [new { account = driverA, amount = 4_500 }]);
        var outbox = Host.Services.GetRequiredService<IOutbox>();
        Assert.NotEmpty(await outbox.ReadAsync(Scope, 100, CancellationToken.None));

        var stale = await outbox.ScopesWithStaleEntriesAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        Assert.Contains(Scope, stale);
        var requests = await RelayAsync();
        Assert.Single(requests);
        Assert.Empty(await outbox.ReadAsync(Scope, 100, CancellationToken.None));
        Assert.Empty(await RelayAsync());
    }

    [Fact]
    public async Task The_balance_route_shows_what_settlement_made_available_and_the_ledger_lists_the_driver_s_transactions()
    {
        await client.PayAsync(token, 10_000, fee: 1_500, splits: [new { account = driverA, amount = 6_000 }, new { account = driverB, amount = 2_500 }]);
        await RelayAsync();
        await Host.Services.GetRequiredService<SettleScope>().RunAsync(Scope, CancellationToken.None);

        var balance = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{driverA}/balance"), HttpStatusCode.OK);
        Assert.Equal("balance", balance.GetProperty("object").GetString());
        Assert.Equal(6_000, balance.GetProperty("available")[0].GetProperty("amount").GetInt64());
        Assert.Equal(0, balance.GetProperty("pending")[0].GetProperty("amount").GetInt64());

        var ledger = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/ledger/transactions?account={driverA}"), HttpStatusCode.OK);
        var types = ledger.GetProperty("data").EnumerateArray().Select(transaction => transaction.GetProperty("type").GetString()).ToList();
        Assert.Equal(["payment.capture", "settlement.release"], types);
        foreach (var transaction in ledger.GetProperty("data").EnumerateArray())
        {
            Assert.Equal(0, transaction.GetProperty("postings").EnumerateArray().Sum(posting => posting.GetProperty("amount").GetInt64()));
        }

        var other = new PaymentClient(Host, await Host.CreateMerchantAsync("Other"));
        await Problem.AssertAsync(await other.GetAsync($"v1/accounts/{driverA}/balance"), 404, "resource_missing");
    }

    [Fact]
    public async Task A_tampered_balance_is_reported_as_drift_on_the_reconciliation_route_and_on_health()
    {
        await client.PayAsync(token, 2_000, fee: 200, splits: [new { account = driverA, amount = 1_800 }]);
        await RelayAsync();
        await Host.Services.GetRequiredService<SettleScope>().RunAsync(Scope, CancellationToken.None);
        var table = Host.Services.GetRequiredService<EmbeddedFinance.Azure.Storage.StateTable>().Client;
        var row = (await table.GetEntityAsync<global::Azure.Data.Tables.TableEntity>(Scope, "balance|fee|usd")).Value;
        row["Amount"] = 199L;
        await table.UpdateEntityAsync(row, row.ETag);

        var report = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/admin/reconciliation", TestHost.AdminKey, new { }), HttpStatusCode.OK);
        var drift = report.GetProperty("drift").EnumerateArray().Single(item => item.GetProperty("scope").GetString() == Scope);
        Assert.Equal("fee", drift.GetProperty("account").GetString());
        Assert.Equal(200, drift.GetProperty("expected").GetInt64());
        Assert.Equal(199, drift.GetProperty("actual").GetInt64());
        Assert.Contains(Host.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("RECONCILIATION DRIFT", StringComparison.Ordinal));

        var health = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Get, "health", TestHost.AdminKey), HttpStatusCode.OK);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("reconciliation").GetProperty("drift").GetInt32() >= 1);
    }

    [Fact]
    public async Task Funds_stay_pending_until_the_configured_delay_has_passed()
    {
        // A minute ahead of the real clock, so the payment's job (stamped with real time) is due at once.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var settle = new SettleScope(Host.Services.GetRequiredService<ISettlementStore>(), Host.Services.GetRequiredService<ILedgerReader>(),
            Options.Create(new SettlementOptions { AvailableAfter = TimeSpan.FromDays(2) }), clock, NullLogger<SettleScope>.Instance);
        await client.PayAsync(token, 3_000, fee: 300, splits: [new { account = driverA, amount = 2_700 }]);

        await settle.RunAsync(Scope, CancellationToken.None);
        var pending = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{driverA}/balance"), HttpStatusCode.OK);
        Assert.Equal(2_700, pending.GetProperty("pending")[0].GetProperty("amount").GetInt64());
        Assert.Equal(0, pending.GetProperty("available")[0].GetProperty("amount").GetInt64());
        Assert.Equal(0, await CountEventsAsync("payment.settled"));

        clock.Advance(TimeSpan.FromDays(2));
        await settle.RunAsync(Scope, CancellationToken.None);
        var available = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{driverA}/balance"), HttpStatusCode.OK);
        Assert.Equal(2_700, available.GetProperty("available")[0].GetProperty("amount").GetInt64());
        Assert.Equal(0, available.GetProperty("pending")[0].GetProperty("amount").GetInt64());
        Assert.Equal(1, await CountEventsAsync("payment.settled"));
    }

    private sealed record Activity(long ToDriverA, long ToDriverB, long Fee, long Clearing, int CapturedCount);

    /// <summary>Payments with splits, some captured later in part, some refunded in part or in full.</summary>
    private async Task<Activity> MakeActivityAsync(int count)
    {
        var random = new Random(count);
        for (var i = 0; i < count; i++)
        {
            var amount = random.Next(1_000, 50_000);
            var fee = amount / 10;
            var toA = (amount - fee) * 2 / 3;
            var splits = new object[] { new { account = driverA, amount = toA }, new { account = driverB, amount = amount - fee - toA } };
            var payment = await client.PayAsync(token, amount, capture: i % 3 != 0, fee: fee, splits: splits);
            var id = payment.GetProperty("id").GetString()!;
            if (i % 3 == 0) await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/capture", new { amount = amount - random.Next(0, amount / 2) }, Guid.NewGuid().ToString()), HttpStatusCode.OK);
            if (i % 4 == 0) await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", new { amount = random.Next(1, 500) }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
            if (i % 5 == 0) await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", new { }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        }
        return await ExpectedFromPaymentsAsync(count);
    }

    /// <summary>What the balances must be, from the payments as the API reports them (captured less refunded).</summary>
    private async Task<Activity> ExpectedFromPaymentsAsync(int count)
    {
        var list = await PaymentClient.ExpectAsync(await client.GetAsync("v1/payments?limit=100"), HttpStatusCode.OK);
        long net = 0;
        var captured = 0;
        foreach (var payment in list.GetProperty("data").EnumerateArray())
        {
            net += payment.GetProperty("amount_captured").GetInt64() - payment.GetProperty("amount_refunded").GetInt64();
            if (payment.GetProperty("amount_captured").GetInt64() > 0) captured++;
        }
        Assert.Equal(count, list.GetProperty("data").GetArrayLength());
        return new Activity(0, 0, 0, -net, captured);
    }

    private async Task AssertBalancesMatchPaymentsAsync(Activity expected)
    {
        var balances = await BalancesAsync();
        Assert.Equal(expected.Clearing, balances.GetValueOrDefault("clearing"));
        // Everything that left clearing is now fee or available to a driver; nothing is left pending.
        Assert.Equal(-expected.Clearing, balances.GetValueOrDefault("fee") + balances.GetValueOrDefault($"{driverA}:available") + balances.GetValueOrDefault($"{driverB}:available"));
        Assert.Equal(0, balances.GetValueOrDefault($"{driverA}:pending"));
        Assert.Equal(0, balances.GetValueOrDefault($"{driverB}:pending"));
    }

    private async Task<Dictionary<string, long>> BalancesAsync() =>
        (await Host.Services.GetRequiredService<ILedgerReader>().BalancesAsync(Scope, null, CancellationToken.None))
        .ToDictionary(balance => balance.Key.Account, balance => balance.Amount);

    private async Task<IReadOnlyList<SettlementRequest>> RelayAsync()
    {
        var queue = new RecordingSettlementQueue();
        var relay = new RelayOutbox(Host.Services.GetRequiredService<IOutbox>(), [new SettlementDispatch(queue)], TimeProvider.System, NullLogger<RelayOutbox>.Instance);
        await relay.RunAsync(Scope, CancellationToken.None);
        return queue.Requests;
    }

    private SettleScope NewWorker() => new(
        Host.Services.GetRequiredService<ISettlementStore>(), Host.Services.GetRequiredService<ILedgerReader>(),
        Host.Services.GetRequiredService<IOptions<SettlementOptions>>(), TimeProvider.System, NullLogger<SettleScope>.Instance);

    private Task<int> CountEventsAsync(string type) => Host.CountEventsAsync(Scope, type);

    private sealed class RecordingSettlementQueue : ISettlementQueue
    {
        private readonly List<SettlementRequest> requests = [];
        public IReadOnlyList<SettlementRequest> Requests => requests;

        public Task EnqueueAsync(SettlementRequest request, CancellationToken cancellationToken)
        {
            lock (requests) requests.Add(request);
            return Task.CompletedTask;
        }
    }
}
