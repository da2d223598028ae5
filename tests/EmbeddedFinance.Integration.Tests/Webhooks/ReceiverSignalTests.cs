using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// What receivers say beyond "failed", over real sockets: <c>410 Gone</c> disables at once, <c>Retry-After</c> holds
/// every delivery to the endpoint, <c>throttle_rate</c> spaces them; and one merchant's slow receiver never makes
/// another merchant's wait.
/// </summary>
public sealed class ReceiverSignalTests : HostedTest
{
    protected override bool UsesWebhookReceiver => true;

    // Retries a second apart, so that a longer Retry-After is what sets the wait.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:RetrySchedule"] = "00:00:01,00:00:01",
    };

    [Fact]
    public async Task A_410_disables_the_endpoint_at_once_and_the_merchants_other_endpoints_are_told_with_reason_gone()
    {
        var (payments, webhooks) = await MerchantAsync();
        var gone = await webhooks.CreateEndpointAsync(Receiver.Url("gone", Answers.Always(410)), "account.created");
        await webhooks.CreateEndpointAsync(Receiver.Url("watcher"), "webhook_endpoint.disabled");

        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("watcher").Count >= 1, "the disabled notice");

        var notice = Assert.Single(Receiver.On("watcher"));
        var disabled = notice.Json.GetProperty("data").GetProperty("object");
        Assert.Equal(gone.Id, disabled.GetProperty("id").GetString());
        Assert.Equal("disabled", disabled.GetProperty("status").GetString());
        Assert.Equal("gone", disabled.GetProperty("disabled_reason").GetString());
        var endpoint = await webhooks.GetAsync($"v1/webhook_endpoints/{gone.Id}");
        Assert.Equal("disabled", endpoint.GetProperty("status").GetString());
        Assert.Equal("gone", endpoint.GetProperty("disabled_reason").GetString());

        // No retry of the 410, and nothing more to the endpoint.
        await payments.AccountAsync("Another driver");
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "everything relayed and delivered");
        var attempts = (await webhooks.AttemptsAsync(Receiver.On("gone")[0].WebhookId)).EnumerateArray().ToList();
        var only = Assert.Single(attempts);
        Assert.Equal(410, only.GetProperty("status_code").GetInt32());
        Assert.Equal("failed", only.GetProperty("status").GetString());
        Assert.Single(Receiver.On("gone"));

        // Enabling it again clears the reason.
        var enabled = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{gone.Id}", new { status = "enabled" }), HttpStatusCode.OK);
        Assert.False(enabled.TryGetProperty("disabled_reason", out _));
    }

    [Fact]
    public async Task A_429_with_Retry_After_3_delays_that_delivery_and_the_endpoints_next_ones_by_3_seconds_with_one_failed_attempt()
    {
        var (payments, webhooks) = await MerchantAsync();
        await webhooks.CreateEndpointAsync(
            Receiver.Url("busy", Answers.InTurn(429), headers: number => number == 1 ? new Dictionary<string, string> { ["Retry-After"] = "3" } : new Dictionary<string, string>()),
            "account.created");

        await payments.AccountAsync("First");
        await Eventually.HoldsAsync(() => Host.Logs.Lines.Any(line => line.Contains("paused until", StringComparison.Ordinal)), "the pause recorded");
        var signalled = Receiver.On("busy")[0];
        await payments.AccountAsync("Second");
        await Eventually.HoldsAsync(() => Receiver.On("busy").Count >= 3, "the retry and the held delivery");
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "nothing more queued");

        var received = Receiver.On("busy");
        Assert.Equal(3, received.Count);
        // The schedule said 1 s; the receiver said 3 s, and both the retry and the next event waited for it.
        var retry = received.Single(webhook => webhook.Number > 1 && webhook.WebhookId == signalled.WebhookId);
        var held = received.Single(webhook => webhook.WebhookId != signalled.WebhookId);
        Assert.InRange((retry.At - signalled.At).TotalSeconds, 2.9, 30);
        Assert.InRange((held.At - signalled.At).TotalSeconds, 2.9, 30);

        var log = (await webhooks.AttemptsAsync(signalled.WebhookId)).EnumerateArray().ToList();
        Assert.Equal([429, 200], log.Select(attempt => attempt.GetProperty("status_code").GetInt32()));
        Assert.Equal("retrying", log[0].GetProperty("status").GetString());
        Assert.InRange(log[0].GetProperty("next_attempt_at").GetInt64() - log[0].GetProperty("created").GetInt64(), 3, 4);
        // The held delivery made no attempt while it waited: one attempt, which succeeded.
        var heldLog = (await webhooks.AttemptsAsync(held.WebhookId)).EnumerateArray().ToList();
        Assert.Equal(["succeeded"], heldLog.Select(attempt => attempt.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Deliveries_to_a_throttled_endpoint_are_spaced_by_its_rate()
    {
        var (payments, webhooks) = await MerchantAsync();
        var created = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, "v1/webhook_endpoints",
            new { url = Receiver.Url("throttled"), enabled_events = new[] { "account.created" }, throttle_rate = 2 }), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("throttle_rate").GetDouble());

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => payments.AccountAsync($"Driver {i}")));
        await Eventually.HoldsAsync(() => Receiver.On("throttled").Count >= 6, "six deliveries");

        // Two a second: six take at least 2.5 s from the first to the last, whatever the concurrency of the consumers.
        var received = Receiver.On("throttled");
        Assert.True((received[^1].At - received[0].At).TotalSeconds >= 2.4, $"six deliveries within {(received[^1].At - received[0].At).TotalMilliseconds:0} ms");
        var attempts = await Task.WhenAll(received.Select(webhook => webhooks.AttemptsAsync(webhook.WebhookId)));
        Assert.All(attempts, log => Assert.Equal(1, log.GetArrayLength()));
    }

    [Fact]
    public async Task A_receiver_sleeping_15_seconds_on_every_delivery_never_delays_another_merchants_endpoint()
    {
        var (slowPayments, slowWebhooks) = await MerchantAsync();
        var (payments, webhooks) = await MerchantAsync();
        await slowWebhooks.CreateEndpointAsync(Receiver.Url("sleeps", Answers.After(TimeSpan.FromSeconds(15))), "account.created");
        await webhooks.CreateEndpointAsync(Receiver.Url("normal"), "payment.succeeded");
        var token = await payments.TokenAsync();

        // Enough deliveries to the sleeping endpoint to take every worker of the host if it were allowed to.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => slowPayments.AccountAsync($"Driver {i}")));
        await Eventually.HoldsAsync(() => Receiver.On("sleeps").Count >= 1, "the sleeping endpoint reached");
        var firstSleepEnds = Receiver.On("sleeps")[0].At + TimeSpan.FromSeconds(15);

        var paidAt = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await payments.PayAsync(token, amount: 1_000 + i);
            paidAt.Add(Receiver.Now);
        }
        await Eventually.HoldsAsync(() => Receiver.On("normal").Count >= 5, "the other merchant's five deliveries");

        // Every one arrived while the sleeping receiver still held its first deliveries: none waited for them.
        var normal = Receiver.On("normal");
        var latencies = Enumerable.Range(0, 5)
            .Select(i => normal.Single(webhook => webhook.Json.GetProperty("data").GetProperty("object").GetProperty("amount").GetInt64() == 1_000 + i).At - paidAt[i])
            .ToList();
        Assert.All(normal, webhook => Assert.True(webhook.At < firstSleepEnds,
            $"a delivery reached the other merchant {(webhook.At - firstSleepEnds).TotalMilliseconds:0} ms after the sleeping receiver's first answer (latencies {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:0} ms"))})"));
    }

    private async Task<(PaymentClient Payments, WebhookClient Webhooks)> MerchantAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        return (new PaymentClient(Host, merchant), new WebhookClient(Host, merchant.SecretKey));
    }
}
