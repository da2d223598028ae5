using System.Net;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Payouts;

/// <summary>The rail behind the Polly pipeline: slow calls are cut and retried, and the payout is paid once.</summary>
public sealed class PayoutRailResilienceTests : HostedTest
{
    private HangingRail rail = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payouts:SandboxReportAfter"] = "00:00:00",
        ["Payouts:RailAttemptTimeout"] = "00:00:00.300",
        ["Payouts:RailRetryBaseDelay"] = "00:00:00.020",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPayoutRail>(provider =>
            rail = new HangingRail(new SandboxPayoutRail(provider.GetRequiredService<IPayoutQueue>(), provider.GetRequiredService<IOptions<PayoutOptions>>()), hangs: 2));

    [Fact]
    public async Task A_rail_that_times_out_twice_then_answers_pays_once()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        await client.PayAsync(await client.TokenAsync(), 6_000, fee: 1_000, splits: [new { account = driver, amount = 5_000 }]);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == 5_000, "funds available");

        var payout = await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 5_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        var id = payout.GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(async () =>
            (await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payouts/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString() == "paid", "payout paid");

        Assert.Equal(3, rail.Calls);
        Assert.Equal(1, rail.Accepted.Count(payoutId => payoutId == id));
        Assert.Equal(0, await client.BalanceAsync(driver, "in_transit"));
        Assert.Equal(0, await client.BalanceAsync(driver, "available"));
        Assert.Contains(Host.Logs.Lines, line => line.Contains("Payout rail call failed (TimeoutRejectedException); retry 2", StringComparison.Ordinal));
    }

    /// <summary>Hangs the first calls past any timeout (as a rail that never answers), then lets the sandbox rail answer.</summary>
    private sealed class HangingRail(IPayoutRail inner, int hangs) : IPayoutRail
    {
        private int calls;
        private readonly List<string> accepted = [];

        public int Calls => calls;
        public IReadOnlyList<string> Accepted { get { lock (accepted) return accepted.ToList(); } }

        public async Task<RailAcceptance> SubmitAsync(PayoutInstruction instruction, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) <= hangs) await Task.Delay(Timeout.Infinite, cancellationToken);
            var acceptance = await inner.SubmitAsync(instruction, cancellationToken);
            lock (accepted) accepted.Add(instruction.PayoutId);
            return acceptance;
        }
    }
}
