using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EmbeddedFinance.Core.Telemetry;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>The platform's traces and metrics, as OpenTelemetry (and Application Insights) receive them, for one payment's journey to a webhook.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_payment_to_a_webhook_yields_request_relay_and_delivery_spans_and_the_named_metrics()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlatformTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
        var measured = new ConcurrentDictionary<string, int>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == PlatformTelemetry.Name) listener.EnableMeasurementEvents(instrument); },
        };
        meters.SetMeasurementEventCallback<double>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        meters.SetMeasurementEventCallback<long>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        meters.Start();

        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync();
        var merchant = await host.CreateMerchantAsync();
        var payments = new PaymentClient(host, merchant);
        await new WebhookClient(host, merchant.SecretKey).CreateEndpointAsync(receiver.Url("traced"), "payment.succeeded");
        await payments.PayAsync(await payments.TokenAsync());
        await Eventually.HoldsAsync(() => receiver.On("traced").Count == 1, "the webhook");
        var eventId = receiver.On("traced")[0].WebhookId;
        await Eventually.HoldsAsync(() => spans.Any(span => span.OperationName == "webhook.deliver" && (string?)span.GetTagItem("ef.event") == eventId), "the delivery span");

        var delivery = spans.Single(span => span.OperationName == "webhook.deliver" && (string?)span.GetTagItem("ef.event") == eventId);
        Assert.Equal("succeeded", delivery.GetTagItem("ef.outcome"));
        Assert.Contains(spans, span => span.OperationName == "api payments.create" && Equals(span.GetTagItem("http.response.status_code"), 201));
        Assert.Contains(spans, span => span.OperationName == "outbox.relay");
        foreach (var name in new[] { "ef.api.request.duration", "ef.outbox.age", "ef.webhook.attempts", "ef.webhook.attempt.duration", "ef.settlement.lag", "ef.queue.processed" })
        {
            await Eventually.HoldsAsync(() => measured.ContainsKey(name), $"a measurement of {name}");
        }
    }
}
