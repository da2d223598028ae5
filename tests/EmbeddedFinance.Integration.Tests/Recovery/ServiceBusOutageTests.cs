using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Azure;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EmbeddedFinance.Integration.Tests.Recovery;

/// <summary>
/// Service Bus (the SDK's mockable sender; there is no emulator here) refusing every send for a minute: settlement
/// and webhooks carry on at their normal lag, and every event reaches the topic once Service Bus is back.
/// </summary>
public sealed class ServiceBusOutageTests : HostedTest
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, byte> published = new();
    private readonly ConditionalWeakTable<ServiceBusMessageBatch, List<ServiceBusMessage>> batches = [];
    private long failUntil;
    private int refused;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Recovery:ParkBaseDelay"] = "00:00:01", ["Recovery:ParkMaxDelay"] = "00:00:05" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Sender());
        services.AddIntegrationEvents<ServiceBusEventPublisher>();
    }

    /// <summary>Service Bus as the publisher sees it: refusing every send until <see cref="failUntil"/>, recording what it accepts.</summary>
    private ServiceBusSender Sender()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            var messages = new List<ServiceBusMessage>();
            var batch = ServiceBusModelFactory.ServiceBusMessageBatch(1024 * 1024, messages);
            batches.Add(batch, messages);
            return batch;
        });
        sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>())).Returns((ServiceBusMessageBatch batch, CancellationToken _) =>
        {
            if (DateTimeOffset.UtcNow.UtcTicks < Interlocked.Read(ref failUntil))
            {
                Interlocked.Increment(ref refused);
                throw new ServiceBusException("The namespace is busy.", ServiceBusFailureReason.ServiceBusy);
            }
            foreach (var message in batches.TryGetValue(batch, out var messages) ? messages : []) published.TryAdd(message.MessageId, 0);
            return Task.CompletedTask;
        });
        return sender.Object;
    }

    [Fact]
    public async Task A_minute_long_Service_Bus_outage_delays_neither_settlement_nor_webhooks_and_every_event_is_published_afterwards()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        await new WebhookClient(Host, merchant.SecretKey).CreateEndpointAsync(Receiver.Url("all"), "payment.succeeded");
        var driver = await client.AccountAsync();
        var token = await client.TokenAsync();

        Interlocked.Exchange(ref failUntil, (DateTimeOffset.UtcNow + Outage).UtcTicks);
        var end = DateTimeOffset.UtcNow + Outage - TimeSpan.FromSeconds(5);
        var lags = new List<(TimeSpan Settled, TimeSpan Delivered)>();
        var expected = 0L;
        while (DateTimeOffset.UtcNow < end)
        {
            var paid = DateTimeOffset.UtcNow;
            // Beside the measured payment, others that fill the outbox past a relay page while Service Bus is down.
            var background = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PayAsync(token, 500)));
            var payment = await client.PayAsync(token, 1_100, fee: 100, splits: [new { account = driver, amount = 1_000 }]);
            await background;
            var id = payment.GetProperty("id").GetString()!;
            expected += 1_000;
            await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == expected, $"{id} settled", seconds: 20);
            var settled = DateTimeOffset.UtcNow - paid;
            await Eventually.HoldsAsync(() => Receiver.On("all").Any(webhook => webhook.ObjectId == id), $"{id} delivered", seconds: 20);
            lags.Add((settled, DateTimeOffset.UtcNow - paid));
        }

        Assert.True(refused > 3, $"Service Bus refused only {refused} sends: the outage was not exercised");
        Assert.True(lags.Count >= 10, $"only {lags.Count} payments during the outage");
        Assert.All(lags, lag => Assert.True(lag.Settled < TimeSpan.FromSeconds(10) && lag.Delivered < TimeSpan.FromSeconds(10), $"lag during the outage: settled {lag.Settled}, delivered {lag.Delivered}"));

        var events = await EventIdsAsync(client);
        await Eventually.HoldsAsync(() => events.All(published.ContainsKey), "every event published once Service Bus is back", seconds: 45,
            state: () => $"{events.Count(published.ContainsKey)} of {events.Count} published, {refused} sends refused");
        Assert.Equal(0, await Host.CountPoisonedAsync());
    }

    private static async Task<List<string>> EventIdsAsync(PaymentClient client)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await PaymentClient.ExpectAsync(await client.GetAsync("v1/events?limit=100" + (after is null ? "" : $"&starting_after={after}")), System.Net.HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            if (!page.GetProperty("has_more").GetBoolean()) return ids;
            after = ids[^1];
        }
    }
}
