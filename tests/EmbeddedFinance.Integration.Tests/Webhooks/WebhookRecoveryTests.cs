using System.Net;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// <c>POST /v1/webhook_endpoints/{id}/recover</c>: after a receiver's outage, each event of the period whose latest attempt
/// to the endpoint failed is sent once more with its own webhook-id; events before the period, delivered ones and other
/// endpoints' are not.
/// </summary>
public sealed class WebhookRecoveryTests : HostedTest
{
    private volatile bool receiverDown = true;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // One retry a second later, then failed for good: an outage is over in a couple of seconds.
        ["Webhooks:RetrySchedule"] = "00:00:01",
        ["Webhooks:Timeout"] = "00:00:05",
    };

    [Fact]
    public async Task Recovery_redelivers_once_each_event_of_the_period_whose_latest_attempt_failed_with_the_same_webhook_id()
    {
        var merchant = await Host.CreateMerchantAsync();
        var payments = new PaymentClient(Host, merchant);
        var webhooks = new WebhookClient(Host, merchant.SecretKey);
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("outage", (_, _) => Task.FromResult(receiverDown ? 503 : 200)), "account.created");
        var other = await webhooks.CreateEndpointAsync(Receiver.Url("other", Answers.Always(500)), "account.created");

        var before = await webhooks.EventIdAsync("account.created", await payments.AccountAsync("Before"));
        await FailedForGoodAsync(webhooks, before, endpoint.Id);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var failed = new[]
        {
            await webhooks.EventIdAsync("account.created", await payments.AccountAsync("Ana")),
            await webhooks.EventIdAsync("account.created", await payments.AccountAsync("Bo")),
        };
        foreach (var eventId in failed) await FailedForGoodAsync(webhooks, eventId, endpoint.Id);
        receiverDown = false;
        var delivered = await webhooks.EventIdAsync("account.created", await payments.AccountAsync("Cy"));
        await Eventually.HoldsAsync(async () => Statuses(await webhooks.AttemptsAsync(delivered), endpoint.Id).Contains("succeeded"), "the receiver is back");
        var received = Receiver.On("outage").Count;

        var recovery = await PaymentClient.ExpectAsync(await Recover(webhooks, endpoint.Id, new { since }), HttpStatusCode.Accepted);

        Assert.Equal("webhook_recovery", recovery.GetProperty("object").GetString());
        Assert.Equal(endpoint.Id, recovery.GetProperty("endpoint").GetString());
        Assert.Equal(2, recovery.GetProperty("events").GetInt32());
        await Eventually.HoldsAsync(() => Receiver.On("outage").Count == received + 2, "both failed events redelivered");
        Assert.Equal(failed.Order(), Receiver.On("outage").Skip(received).Select(webhook => webhook.WebhookId).Order());
        foreach (var eventId in failed)
        {
            await Eventually.HoldsAsync(async () => Statuses(await webhooks.AttemptsAsync(eventId), endpoint.Id).LastOrDefault() == "succeeded", $"{eventId}'s manual attempt recorded");
            var manual = (await webhooks.AttemptsAsync(eventId)).EnumerateArray().Where(attempt => attempt.GetProperty("manual").GetBoolean()).ToList();
            Assert.Equal(endpoint.Id, Assert.Single(manual).GetProperty("endpoint").GetString());
        }
        Assert.Equal(["retrying", "failed"], Statuses(await webhooks.AttemptsAsync(before), endpoint.Id));

        // Now that they succeeded, the same period holds nothing to recover.
        var again = await PaymentClient.ExpectAsync(await Recover(webhooks, endpoint.Id, new { since }), HttpStatusCode.Accepted);
        Assert.Equal(0, again.GetProperty("events").GetInt32());
        // The other endpoint's failures are its own: over a wider period they are all four events, `before` included.
        await Eventually.HoldsAsync(async () => Statuses(await webhooks.AttemptsAsync(delivered), other.Id).Count > 0, "the other endpoint tried too");
        var others = await PaymentClient.ExpectAsync(await Recover(webhooks, other.Id, new { since = since - 3600, until = since + 3600 }), HttpStatusCode.Accepted);
        Assert.Equal(4, others.GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Recovery_refuses_a_missing_since_a_reversed_period_a_disabled_endpoint_and_another_merchants_endpoint_changing_nothing()
    {
        var merchant = await Host.CreateMerchantAsync();
        var stranger = await Host.CreateMerchantAsync("Other Co");
        var webhooks = new WebhookClient(Host, merchant.SecretKey);
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("ok"));
        var disabled = await webhooks.CreateEndpointAsync(Receiver.Url("off"));
        await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{disabled.Id}", new { status = "disabled" }), HttpStatusCode.OK);
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "deliveries of the endpoint changes done");
        var state = await Host.DumpTablesAsync(auditTrail: false);

        await Problem.AssertAsync(await Recover(webhooks, endpoint.Id, new { }), 400, "parameter_missing", "since");
        await Problem.AssertAsync(await Recover(webhooks, endpoint.Id, new { since = 1_000, until = 999 }), 400, "parameter_invalid", "until");
        await Problem.AssertAsync(await Recover(webhooks, disabled.Id, new { since = 0 }), 409, "state_invalid");
        await Problem.AssertAsync(await Recover(new WebhookClient(Host, stranger.SecretKey), endpoint.Id, new { since = 0 }), 404, "resource_missing");

        Assert.Equal(state, await Host.DumpTablesAsync(auditTrail: false));
    }

    private static Task<HttpResponseMessage> Recover(WebhookClient webhooks, string endpointId, object body) =>
        webhooks.SendAsync(HttpMethod.Post, $"v1/webhook_endpoints/{endpointId}/recover", body);

    private static List<string> Statuses(JsonElement attempts, string endpointId) => attempts.EnumerateArray()
        .Where(attempt => attempt.GetProperty("endpoint").GetString() == endpointId)
        .Select(attempt => attempt.GetProperty("status").GetString()!).ToList();

    private static Task FailedForGoodAsync(WebhookClient webhooks, string eventId, string endpointId) =>
        Eventually.HoldsAsync(async () => Statuses(await webhooks.AttemptsAsync(eventId), endpointId).Contains("failed"), $"{eventId} failed for good");
}
