using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// Webhooks from a committed change to a real receiver on 127.0.0.1, through the outbox relay and the delivery
/// queue of the host: signatures checked with the StandardWebhooks package, retries on a shrunk schedule.
/// </summary>
public sealed class WebhookDeliveryTests : HostedTest
{
    private const string RetrySchedule = "00:00:01,00:00:02";

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:RetrySchedule"] = RetrySchedule,
        ["Webhooks:Timeout"] = "00:00:05",
        ["Webhooks:DeferDelay"] = "00:00:01",
        ["Webhooks:MaxInFlightPerEndpoint"] = "2",
    };

    [Fact]
    public async Task Every_delivered_webhook_verifies_with_the_secret_the_api_returned_and_is_the_event_as_get_returns_it()
    {
        var (payments, webhooks) = await MerchantAsync();
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("all"));
        var driver = await payments.AccountAsync();
        var payment = await payments.PayAsync(await payments.TokenAsync(), amount: 2_500, capture: false);
        var paymentId = payment.GetProperty("id").GetString()!;

        await Eventually.HoldsAsync(() => Receiver.On("all").Count >= 2, "account.created and payment.requires_capture delivered");

        var verifier = new StandardWebhook(endpoint.Secret);
        foreach (var webhook in Receiver.On("all"))
        {
            verifier.Verify(webhook.Body, webhook.HeaderDictionary);
            Assert.Equal(webhook.Json.GetProperty("id").GetString(), webhook.WebhookId);
            var asGetReturnsIt = await (await webhooks.SendAsync(HttpMethod.Get, $"v1/events/{webhook.WebhookId}")).Content.ReadAsStringAsync();
            Assert.Equal(asGetReturnsIt, webhook.Body);
        }
        Assert.Contains(Receiver.On("all"), webhook => webhook.Type == "account.created" && webhook.ObjectId == driver);
        var card = Receiver.On("all").Single(webhook => webhook.ObjectId == paymentId).Json.GetProperty("data").GetProperty("object").GetProperty("card");
        Assert.Equal(
            ["brand", "exp_month", "exp_year", "fingerprint", "last4", "token"],
            card.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(Receiver.All, webhook => webhook.Body.Contains("4242424242424242", StringComparison.Ordinal));

        var tampered = Receiver.On("all")[0];
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(tampered.Body.Replace("\"livemode\":false", "\"livemode\":true", StringComparison.Ordinal), tampered.HeaderDictionary));
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_event_three_times_with_one_webhook_id_spaced_by_the_schedule()
    {
        var (payments, webhooks) = await MerchantAsync();
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("flaky", Answers.InTurn(500, 503)), "account.created");
        var driver = await payments.AccountAsync();

        await Eventually.HoldsAsync(() => Receiver.On("flaky").Count >= 3, "three attempts");
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "the third attempt recorded and nothing more queued");

        var attempts = Receiver.On("flaky");
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(attempt => attempt.WebhookId).Distinct());
        Assert.All(attempts, attempt => new StandardWebhook(endpoint.Secret).Verify(attempt.Body, attempt.HeaderDictionary));
        // Hidden in the queue for the schedule's delay (1 s, then 2 s); the queue's clock is in whole seconds, hence the slack.
        Assert.InRange((attempts[1].At - attempts[0].At).TotalSeconds, 0.9, 10);
        Assert.InRange((attempts[2].At - attempts[1].At).TotalSeconds, 1.9, 10);

        var recorded = (await webhooks.AttemptsAsync(attempts[0].WebhookId)).EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], recorded.Select(attempt => attempt.GetProperty("attempt").GetInt32()));
        Assert.Equal(["retrying", "retrying", "succeeded"], recorded.Select(attempt => attempt.GetProperty("status").GetString()));
        Assert.Equal([500, 503, 200], recorded.Select(attempt => attempt.GetProperty("status_code").GetInt32()));
        Assert.All(recorded, attempt => Assert.Equal(endpoint.Id, attempt.GetProperty("endpoint").GetString()));
        Assert.False(recorded[2].TryGetProperty("next_attempt_at", out _));
        Assert.Equal(driver, attempts[0].ObjectId);
    }

    [Fact]
    public async Task A_delivery_whose_last_attempt_fails_is_failed_and_not_tried_again()
    {
        var (payments, webhooks) = await MerchantAsync();
        await webhooks.CreateEndpointAsync(Receiver.Url("dead", Answers.Always(500)), "account.created");
        await payments.AccountAsync();

        await Eventually.HoldsAsync(() => Receiver.On("dead").Count >= 3, "three attempts");
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "the last attempt recorded and nothing more queued");

        Assert.Equal(3, Receiver.On("dead").Count);
        var recorded = (await webhooks.AttemptsAsync(Receiver.On("dead")[0].WebhookId)).EnumerateArray().ToList();
        Assert.Equal(["retrying", "retrying", "failed"], recorded.Select(attempt => attempt.GetProperty("status").GetString()));
        Assert.Equal("unexpected_status", recorded[2].GetProperty("error").GetString());
        Assert.Contains(Host.Logs.Lines, line => line.Contains("FAILED for good", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hanging_receiver_is_cut_at_the_timeout_and_does_not_slow_a_healthy_endpoints_deliveries()
    {
        var (payments, webhooks) = await MerchantAsync();
        await webhooks.CreateEndpointAsync(Receiver.Url("hangs", Answers.Hang), "account.created");
        await webhooks.CreateEndpointAsync(Receiver.Url("healthy"), "payment.succeeded");
        // Enough deliveries to the hanging endpoint to fill every worker of the host if it were allowed to.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => payments.AccountAsync($"Driver {i}")));
        await Eventually.HoldsAsync(() => Receiver.On("hangs").Count >= 2, "the hanging endpoint reached");
        var token = await payments.TokenAsync();

        var paidAt = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await payments.PayAsync(token, amount: 1_000 + i);
            paidAt.Add(Receiver.Now);
        }
        await Eventually.HoldsAsync(() => Receiver.On("healthy").Count >= 5, "the healthy endpoint's five deliveries");

        // The hanging endpoint's attempts each take the full 5 s timeout; the healthy one's must not wait for them.
        var healthy = Receiver.On("healthy");
        for (var i = 0; i < 5; i++)
        {
            var latency = healthy.Single(webhook => webhook.Json.GetProperty("data").GetProperty("object").GetProperty("amount").GetInt64() == 1_000 + i).At - paidAt[i];
            Assert.True(latency < TimeSpan.FromSeconds(4), $"payment {i} reached the healthy endpoint after {latency.TotalMilliseconds:0} ms");
        }
        var hungEvent = Receiver.On("hangs")[0].WebhookId;
        await Eventually.HoldsAsync(async () => (await webhooks.AttemptsAsync(hungEvent)).GetArrayLength() >= 1, "the hung attempt recorded", seconds: 30);
        var cut = (await webhooks.AttemptsAsync(hungEvent))[0];
        Assert.Equal("timeout", cut.GetProperty("error").GetString());
        Assert.InRange(cut.GetProperty("duration_ms").GetInt64(), 4_900, 8_000);
        Assert.False(cut.TryGetProperty("status_code", out _));
    }

    [Fact]
    public async Task A_duplicate_delivery_message_does_not_deliver_twice_and_a_redelivery_keeps_the_webhook_id()
    {
        var (payments, webhooks) = await MerchantAsync();
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("once"), "account.created");
        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("once").Count >= 1, "first delivery");
        var eventId = Receiver.On("once")[0].WebhookId;
        await Eventually.HoldsAsync(async () => (await webhooks.AttemptsAsync(eventId)).GetArrayLength() == 1, "first attempt recorded");

        var queue = (Core.Webhooks.IWebhookQueue)Host.Services.GetService(typeof(Core.Webhooks.IWebhookQueue))!;
        var scope = Core.Access.MerchantScope.Of(payments.Merchant.Id, Core.Common.Mode.Test);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => queue.EnqueueAsync(new Core.Webhooks.WebhookDelivery(scope, eventId, endpoint.Id, 1), TimeSpan.Zero, CancellationToken.None)));
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "the five duplicate messages handled");
        Assert.Single(Receiver.On("once"));

        var redelivery = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/events/{eventId}/redeliver", new { endpoint = endpoint.Id }), HttpStatusCode.Accepted);
        Assert.Equal([endpoint.Id], redelivery.GetProperty("endpoints").EnumerateArray().Select(id => id.GetString()));
        await Eventually.HoldsAsync(() => Receiver.On("once").Count == 2, "the redelivery");
        Assert.Equal(eventId, Receiver.On("once")[1].WebhookId);
        new StandardWebhook(endpoint.Secret).Verify(Receiver.On("once")[1].Body, Receiver.On("once")[1].HeaderDictionary);
        await Eventually.HoldsAsync(async () => (await webhooks.AttemptsAsync(eventId)).GetArrayLength() == 2, "the manual attempt recorded");
        var manual = (await webhooks.AttemptsAsync(eventId))[1];
        Assert.True(manual.GetProperty("manual").GetBoolean());
        Assert.Equal("succeeded", manual.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_nothing_while_an_enabled_one_gets_everything()
    {
        var (payments, webhooks) = await MerchantAsync();
        var off = await webhooks.CreateEndpointAsync(Receiver.Url("off"), "account.created");
        await webhooks.CreateEndpointAsync(Receiver.Url("on"), "account.created");
        await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{off.Id}", new { status = "disabled" }), HttpStatusCode.OK);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => payments.AccountAsync($"Driver {i}")));
        await Eventually.HoldsAsync(() => Receiver.On("on").Count >= 5, "five deliveries to the enabled endpoint");
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "every event relayed and every delivery made");

        Assert.Empty(Receiver.On("off"));
        Assert.Equal(5, Receiver.On("on").Select(webhook => webhook.WebhookId).Distinct().Count());
    }

    [Fact]
    public async Task Rotation_signs_with_both_secrets_during_the_overlap_and_with_the_new_one_alone_after_it()
    {
        var (payments, webhooks) = await MerchantAsync();
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("rotating"), "account.created");
        var rotated = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/webhook_endpoints/{endpoint.Id}/rotate_secret", new { expire_previous_in_seconds = 3600 }), HttpStatusCode.OK);
        var second = rotated.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", second, StringComparison.Ordinal);
        Assert.NotEqual(endpoint.Secret, second);

        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("rotating").Count == 1, "delivery during the overlap");
        var during = Receiver.On("rotating")[0];
        // The package checks only the first signature of the header, so each is presented to it alone: the new secret's first.
        var signatures = during.Headers["webhook-signature"].Split(' ');
        Assert.Equal(2, signatures.Length);
        new StandardWebhook(second).Verify(during.Body, during.WithSignature(signatures[0]));
        new StandardWebhook(endpoint.Secret).Verify(during.Body, during.WithSignature(signatures[1]));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(endpoint.Secret).Verify(during.Body, during.WithSignature(signatures[0])));

        var third = (await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/webhook_endpoints/{endpoint.Id}/rotate_secret", new { expire_previous_in_seconds = 0 }), HttpStatusCode.OK))
            .GetProperty("secret").GetString()!;
        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("rotating").Count == 2, "delivery after the overlap");
        var after = Receiver.On("rotating")[1];
        Assert.Single(after.Headers["webhook-signature"].Split(' '));
        new StandardWebhook(third).Verify(after.Body, after.HeaderDictionary);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(second).Verify(after.Body, after.HeaderDictionary));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(endpoint.Secret).Verify(after.Body, after.HeaderDictionary));
    }

    private async Task<(PaymentClient Payments, WebhookClient Webhooks)> MerchantAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        return (new PaymentClient(Host, merchant), new WebhookClient(Host, merchant.SecretKey));
    }
}
