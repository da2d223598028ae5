using System.Net;
using EmbeddedFinance.Azure.Payouts;
using EmbeddedFinance.Azure.Webhooks;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EmbeddedFinance.Integration.Tests.Recovery;

/// <summary>
/// Messages lost outright (never sent, as after a crash or a bug that poisoned them): the redrive timer finds the
/// work through its due checks and drives it again — a payout's submission, a payout's report, a webhook's first attempt.
/// </summary>
public sealed class RedriveTests : HostedTest
{
    private readonly HashSet<string> lostSubmissions = [];
    private readonly HashSet<string> lostReports = [];
    private readonly HashSet<string> lostDeliveries = [];

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payouts:SandboxReportAfter"] = "00:00:00",
        ["Recovery:StuckPayoutAfter"] = "00:00:03",
        ["Recovery:StuckDeliveryAfter"] = "00:00:03",
        ["Schedules:Redrive"] = "*/1 * * * * *",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPayoutQueue>(provider => LosingFirstMessages(ActivatorUtilities.CreateInstance<QueuePayoutQueue>(provider)));
        services.AddSingleton<IWebhookQueue>(provider => LosingFirstDeliveries(ActivatorUtilities.CreateInstance<QueueWebhookQueue>(provider)));
    }

    [Fact]
    public async Task A_payout_whose_submission_was_lost_and_one_whose_report_was_lost_are_both_paid()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        await client.PayAsync(await client.TokenAsync(), 10_500, fee: 500, splits: [new { account = driver, amount = 10_000 }]);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == 10_000, "funds available");

        var unsent = await PayoutAsync(client, driver, lostSubmissions);
        var unreported = await PayoutAsync(client, driver, lostReports);

        await Eventually.HoldsAsync(async () => await StatusAsync(client, unsent) == "paid" && await StatusAsync(client, unreported) == "paid", "both payouts paid", seconds: 30);
        Assert.Equal(6_000, await client.BalanceAsync(driver, "available"));
        Assert.Equal(0, await client.BalanceAsync(driver, "in_transit"));
        Assert.Contains(Host.Logs.Lines, line => line.Contains($"Payout {unsent}", StringComparison.Ordinal) && line.Contains("still pending", StringComparison.Ordinal));
        Assert.Contains(Host.Logs.Lines, line => line.Contains($"Payout {unreported}", StringComparison.Ordinal) && line.Contains("still in_transit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_whose_delivery_message_was_lost_is_delivered_once_to_an_enabled_endpoint_and_dropped_for_a_disabled_one()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        var webhooks = new WebhookClient(Host, merchant.SecretKey);
        await webhooks.CreateEndpointAsync(Receiver.Url("kept"), "payment.succeeded");
        var disabled = await webhooks.CreateEndpointAsync(Receiver.Url("disabled"), "payment.succeeded");
        var token = await client.TokenAsync();
        lock (lostDeliveries) lostDeliveries.Add("*");

        var payment = (await client.PayAsync(token, 1_000)).GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(() => LostCount() >= 2, "both deliveries lost");
        await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{disabled.Id}", new { status = "disabled" }), HttpStatusCode.OK);

        await Eventually.HoldsAsync(() => Receiver.On("kept").Any(webhook => webhook.ObjectId == payment), "the lost delivery redriven", seconds: 30);
        // Nothing more can reach either endpoint: no delivery queued, and no check left that could queue one again.
        await Eventually.HoldsAsync(async () => await Host.WebhooksIdleAsync() && await Host.CountWorkRowsAsync(TableDeliveryChecks.Partition) == 0,
            "every delivery made and every delivery check done");
        Assert.Single(Receiver.On("kept"), webhook => webhook.ObjectId == payment);
        Assert.Empty(Receiver.On("disabled"));
        Assert.Contains(Host.Logs.Lines, line => line.Contains("webhook deliveries of", StringComparison.Ordinal) && line.Contains("queued again", StringComparison.Ordinal));
    }

    private int LostCount()
    {
        lock (lostDeliveries) return lostDeliveries.Count - 1;
    }

    private static async Task<string> PayoutAsync(PaymentClient client, string driver, HashSet<string> lose)
    {
        // The id is known only once created, so lose the next message of its kind and name it afterwards.
        lock (lose) lose.Add("next");
        var payout = await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 2_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        return payout.GetProperty("id").GetString()!;
    }

    private static async Task<string?> StatusAsync(PaymentClient client, string payout) =>
        (await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payouts/{payout}"), HttpStatusCode.OK)).GetProperty("status").GetString();

    private static bool TakeNext(HashSet<string> lose, string id)
    {
        lock (lose) return lose.Remove("next") && lose.Add(id);
    }

    private IPayoutQueue LosingFirstMessages(IPayoutQueue inner)
    {
        var queue = new Mock<IPayoutQueue>();
        queue.Setup(q => q.SubmitAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string scope, string payoutId, CancellationToken token) =>
            TakeNext(lostSubmissions, payoutId) ? Task.CompletedTask : inner.SubmitAsync(scope, payoutId, token));
        queue.Setup(q => q.ReportAsync(It.IsAny<PayoutRailReport>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns((PayoutRailReport report, TimeSpan delay, CancellationToken token) =>
            TakeNext(lostReports, report.PayoutId) ? Task.CompletedTask : inner.ReportAsync(report, delay, token));
        return queue.Object;
    }

    private IWebhookQueue LosingFirstDeliveries(IWebhookQueue inner)
    {
        var queue = new Mock<IWebhookQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<WebhookDelivery>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns((WebhookDelivery delivery, TimeSpan delay, CancellationToken token) =>
        {
            lock (lostDeliveries)
            {
                // Every first-attempt message of the first payment.succeeded fan-out is lost; later ones go through.
                var key = delivery.EventId + "|" + delivery.EndpointId;
                if (lostDeliveries.Contains("*") && lostDeliveries.Count < 3 && delivery.Attempt == 1)
                {
                    lostDeliveries.Add(key);
                    return Task.CompletedTask;
                }
            }
            return inner.EnqueueAsync(delivery, delay, token);
        });
        return queue.Object;
    }
}
