using System.Net;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Recovery;

/// <summary>
/// The payout rail down for a minute: the circuit opens, submissions are parked and come back after the break, and
/// every payout submitted before and during the outage is paid once it ends — none poisoned, none left in transit.
/// </summary>
public sealed class RailOutageTests : HostedTest
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private readonly OutageRail rail = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payouts:SandboxReportAfter"] = "00:00:00",
        ["Payouts:RailAttemptTimeout"] = "00:00:00.300",
        ["Payouts:RailRetryBaseDelay"] = "00:00:00.020",
        ["Payouts:RailMaxRetries"] = "2",
        ["Payouts:RailBreakDuration"] = "00:00:05",
        ["Recovery:ParkBaseDelay"] = "00:00:01",
        ["Recovery:ParkMaxDelay"] = "00:00:08",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPayoutRail>(provider =>
            rail.Over(new SandboxPayoutRail(provider.GetRequiredService<IPayoutQueue>(), provider.GetRequiredService<IOptions<PayoutOptions>>())));

    [Fact]
    public async Task Payouts_submitted_before_and_during_a_minute_long_rail_outage_are_all_paid_and_none_is_poisoned()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        await client.PayAsync(await client.TokenAsync(), 30_500, fee: 500, splits: [new { account = driver, amount = 30_000 }]);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == 30_000, "funds available");

        rail.FailUntil(DateTimeOffset.UtcNow + Outage);
        var payouts = new List<string>();
        var end = DateTimeOffset.UtcNow + Outage - TimeSpan.FromSeconds(3);
        while (DateTimeOffset.UtcNow < end)
        {
            var payout = await PaymentClient.ExpectAsync(
                await client.PostAsync("v1/payouts", new { account = driver, amount = 2_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
            payouts.Add(payout.GetProperty("id").GetString()!);
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        Assert.True(rail.Refused > 10, $"the outage refused only {rail.Refused} calls");
        Assert.All(await StatusesAsync(client, payouts), status => Assert.Equal("pending", status));

        await Eventually.HoldsAsync(async () => (await StatusesAsync(client, payouts)).All(status => status == "paid"), "every payout paid after the outage", seconds: 45,
            state: () => $"rail refused {rail.Refused}, accepted {rail.Accepted}");
        Assert.Equal(0, await Host.CountPoisonedAsync());
        Assert.Equal(30_000 - 2_000 * payouts.Count, await client.BalanceAsync(driver, "available"));
        Assert.Equal(0, await client.BalanceAsync(driver, "in_transit"));
        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Unbalanced);
        Assert.Empty(report.Drift);
        Assert.Contains(Host.Logs.Lines, line => line.Contains("SubmitPayout parked", StringComparison.Ordinal) && line.Contains("BrokenCircuitException", StringComparison.Ordinal));
    }

    private static async Task<List<string?>> StatusesAsync(PaymentClient client, IEnumerable<string> payouts)
    {
        var statuses = new List<string?>();
        foreach (var id in payouts) statuses.Add((await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payouts/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        return statuses;
    }

    /// <summary>Refuses every call (as a rail answering 503) until the outage ends, then lets the sandbox rail answer.</summary>
    private sealed class OutageRail : IPayoutRail
    {
        private IPayoutRail inner = null!;
        private long until;
        private int refused;
        private int accepted;

        public int Refused => refused;
        public int Accepted => accepted;

        public OutageRail Over(IPayoutRail sandbox)
        {
            inner = sandbox;
            return this;
        }

        public void FailUntil(DateTimeOffset end) => Interlocked.Exchange(ref until, end.UtcTicks);

        public async Task<RailAcceptance> SubmitAsync(PayoutInstruction instruction, CancellationToken cancellationToken)
        {
            if (DateTimeOffset.UtcNow.UtcTicks < Interlocked.Read(ref until))
            {
                Interlocked.Increment(ref refused);
                throw new PayoutRailUnavailableException("The rail answered 503.");
            }
            var acceptance = await inner.SubmitAsync(instruction, cancellationToken);
            Interlocked.Increment(ref accepted);
            return acceptance;
        }
    }
}
