using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Integration.Tests.Growth;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Scenario;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.EndToEnd;

/// <summary>
/// The README's marketplace scenario, shrunk to 30 rides, against the host over its socket. The payout schedule's
/// timer is off; the scenario's midnight is the schedule's run with a clock a day ahead, as in PayoutScheduleTests. Risk
/// screening is on with its default rules, as a merchant's platform would have it.
/// </summary>
public sealed class MarketplaceScenarioTests
{
    [Fact]
    public async Task Thirty_rides_and_two_disputes_settle_pay_out_reconcile_to_zero_drift_and_every_webhook_arrives_verified()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Payouts:SandboxReportAfter"] = "00:00:00.500",
            ["Schedules:PayScheduledPayouts"] = GrowthHost.Never,
            // Screened as on the development host: the scenario must pass the default risk rules.
            ["Risk:Enabled"] = "true",
        });
        var lines = new List<string>();
        var midnightRuns = 0;
        async Task RunMidnightAsync(CancellationToken cancellationToken)
        {
            var schedule = ActivatorUtilities.CreateInstance<PayScheduledPayouts>(host.Services, (TimeProvider)new AheadClock(TimeSpan.FromDays(1)));
            midnightRuns += await schedule.RunAsync(cancellationToken);
            // A retried timer in the same period pays nothing more.
            midnightRuns += await schedule.RunAsync(cancellationToken);
        }

        var summary = await MarketplaceScenario.RunAsync(host.Client.BaseAddress!, TestHost.AdminKey, rides: 30, lines.Add, CancellationToken.None, RunMidnightAsync);

        Assert.True(summary.Healthy, summary.ToText());
        Assert.Equal(27, summary.PaymentsByOutcome["succeeded"]);
        // Rides 7 and 27 use the declined card, ride 17 the one without funds; rides 4, 11, 18 and 25 are refunded.
        Assert.Equal(2, summary.PaymentsByOutcome["card_declined"]);
        Assert.Equal(1, summary.PaymentsByOutcome["insufficient_funds"]);
        Assert.Equal(4, summary.Refunds);
        // One of Ana's rides disputed and lost (her 12.00 share stays taken back), one of Bo's disputed and won.
        Assert.Equal((1, 1), (summary.DisputesWon, summary.DisputesLost));
        Assert.Equal([1_200L, 0, 0], summary.Drivers.Select(driver => driver.Disputed));
        Assert.Equal(0, summary.DriftedBalances);
        Assert.Equal(0, summary.UnbalancedTransactions);
        Assert.Equal(["paid", "paid", "failed"], summary.Drivers.Select(driver => driver.PayoutStatus));
        // Cy is paid out daily: the schedule's midnight run made his payout (automatic: true), once though it ran twice.
        Assert.Equal([false, false, true], summary.Drivers.Select(driver => driver.PayoutAutomatic));
        Assert.Equal(1, midnightRuns);
        // The failed payout's money is back: Cy's whole share is available again; Ana and Bo have nothing left.
        Assert.Equal(summary.Drivers[2].Earned - summary.Drivers[2].Refunded, summary.Drivers[2].Available);
        Assert.All(summary.Drivers.Take(2), driver => Assert.Equal(0, driver.Available));
        Assert.All(summary.Drivers, driver => Assert.Equal(driver.Earned - driver.Refunded - driver.Disputed, driver.PaidOut));
        Assert.Equal(0, summary.WebhooksRejected);
    }

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
