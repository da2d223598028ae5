using System.Security.Cryptography;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Versions;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Webhooks;

public sealed class DeliverWebhookTests
{
    private const string Scope = "mer_1:test";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly WebhookOptions options = new();
    private readonly Mock<IWebhookEndpointStore> endpoints = new();
    private readonly Mock<IEventStore> events = new();
    private readonly Mock<IWebhookAttemptStore> attempts = new();
    private readonly Mock<IWebhookQueue> queue = new();
    private readonly Mock<IWebhookSender> sender = new();
    private readonly Mock<IEndpointPacer> pacer = new();
    private readonly Mock<ISecretStore> secrets = new();
    private readonly List<string> steps = [];
    private readonly List<WebhookAttempt> recorded = [];
    private readonly List<(WebhookDelivery Delivery, TimeSpan Delay)> queued = [];
    private WebhookEndpoint endpoint;
    private readonly PlatformEvent platformEvent;

    public DeliverWebhookTests()
    {
        endpoint = new WebhookEndpoint("we_1", Scope, Mode.Test, new Uri("https://merchant.example/hooks"), [WebhookEndpoint.AllEvents], null,
            WebhookEndpointStatus.Enabled, clock.GetUtcNow(), "s1", null, null, null, "etag") { ApiVersion = ApiVersions.Newest };
        platformEvent = PlatformEvent.Of(EventTypes.PaymentSucceeded, Scope, Mode.Test, new { id = "pay_1" }, clock);
        endpoints.Setup(e => e.GetAsync(Scope, endpoint.Id, It.IsAny<CancellationToken>())).ReturnsAsync(endpoint);
        events.Setup(e => e.GetAsync(Scope, platformEvent.Id, It.IsAny<CancellationToken>())).ReturnsAsync(platformEvent);
        Earlier();
        secrets.Setup(s => s.GetVersionAsync(WebhookSecrets.NameOf(endpoint.Id), "s1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SecretValue(WebhookSecrets.NameOf(endpoint.Id), "s1", new Sensitive(WebhookSecrets.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));
        attempts.Setup(a => a.RecordAsync(Scope, It.IsAny<WebhookAttempt>(), It.IsAny<CancellationToken>()))
            .Callback<string, WebhookAttempt, CancellationToken>((_, attempt, _) => { steps.Add("record"); recorded.Add(attempt); })
            .Returns(Task.CompletedTask);
        queue.Setup(q => q.EnqueueAsync(It.IsAny<WebhookDelivery>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback<WebhookDelivery, TimeSpan, CancellationToken>((delivery, delay, _) => { steps.Add("enqueue"); queued.Add((delivery, delay)); })
            .Returns(Task.CompletedTask);
        Answers(new WebhookResponse(200, TimeSpan.FromMilliseconds(20), null));
    }

    private DeliverWebhook Deliver => new(endpoints.Object, events.Object, attempts.Object, queue.Object, sender.Object, pacer.Object, new WebhookSecrets(secrets.Object),
        new EndpointHealth(endpoints.Object, Options.Create(options), clock, NullLogger<EndpointHealth>.Instance), Options.Create(options), clock,
        NullLogger<DeliverWebhook>.Instance);

    private WebhookDelivery Delivery(int attempt = 1, bool manual = false) => new(Scope, platformEvent.Id, endpoint.Id, attempt, manual);

    private void Answers(WebhookResponse response) =>
        sender.Setup(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(response);

    private void Earlier(params WebhookAttempt[] earlier) =>
        attempts.Setup(a => a.ListAsync(Scope, platformEvent.Id, endpoint.Id, It.IsAny<CancellationToken>())).ReturnsAsync(earlier);

    private WebhookAttempt Made(int number, bool succeeded, bool manual = false) =>
        new(platformEvent.Id, endpoint.Id, number, manual, clock.GetUtcNow(), succeeded ? 200 : 500, 10, succeeded ? null : "unexpected_status", null);

    private void NothingSent()
    {
        sender.Verify(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(recorded);
        Assert.Empty(queued);
    }

    [Fact]
    public async Task An_endpoint_on_an_older_version_receives_the_event_rendered_in_it()
    {
        endpoint = endpoint with { ApiVersion = ApiVersions.First };
        endpoints.Setup(e => e.GetAsync(Scope, endpoint.Id, It.IsAny<CancellationToken>())).ReturnsAsync(endpoint);
        Earlier();

        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        sender.Verify(s => s.SendAsync(It.Is<WebhookRequest>(r => r.Body == VersionedJson.Render(platformEvent.ToJson(), ApiVersions.First) && r.Body.Contains("\"api_version\":\"v1\"")),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_2xx_is_recorded_as_delivered_and_nothing_is_queued()
    {
        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        sender.Verify(s => s.SendAsync(It.Is<WebhookRequest>(r => r.WebhookId == platformEvent.Id && r.Body == platformEvent.ToJson() && r.Signature.StartsWith("v1,")),
            It.IsAny<CancellationToken>()));
        var attempt = Assert.Single(recorded);
        Assert.Equal(("succeeded", 1, 200), (attempt.Status, attempt.Number, attempt.StatusCode));
        Assert.Empty(queued);
    }

    [Theory]
    [InlineData(500, "unexpected_status")]
    [InlineData(404, "unexpected_status")]
    [InlineData(null, "timeout")]
    public async Task A_failed_attempt_queues_the_next_after_the_schedules_delay_before_recording_itself(int? status, string error)
    {
        Answers(new WebhookResponse(status, TimeSpan.FromSeconds(1), error));

        await Deliver.HandleAsync(Delivery(attempt: 2) with { Parked = 3 }, CancellationToken.None);

        var (next, delay) = Assert.Single(queued);
        Assert.Equal(Delivery(attempt: 3), next);
        Assert.Equal(TimeSpan.FromMinutes(5), delay);
        var attempt = Assert.Single(recorded);
        Assert.Equal(("retrying", error, clock.GetUtcNow() + delay), (attempt.Status, attempt.Error, attempt.NextAttemptAt));
        // A crash between the two then repeats an attempt rather than losing the retries.
        Assert.Equal(["enqueue", "record"], steps);
    }

    [Fact]
    public async Task The_last_scheduled_attempt_failing_is_recorded_failed_and_nothing_is_queued()
    {
        Answers(new WebhookResponse(503, TimeSpan.FromSeconds(1), "unexpected_status"));

        await Deliver.HandleAsync(Delivery(attempt: options.Retries.Count + 1), CancellationToken.None);

        Assert.Equal(("failed", (DateTimeOffset?)null), (Assert.Single(recorded).Status, recorded[0].NextAttemptAt));
        Assert.Empty(queued);
    }

    [Fact]
    public async Task A_failed_manual_redelivery_is_not_retried()
    {
        Answers(new WebhookResponse(500, TimeSpan.FromSeconds(1), "unexpected_status"));

        await Deliver.HandleAsync(Delivery(manual: true), CancellationToken.None);

        Assert.Equal("failed", Assert.Single(recorded).Status);
        Assert.Empty(queued);
    }

    [Fact]
    public async Task An_attempt_already_on_record_is_not_sent_again()
    {
        Earlier(Made(1, succeeded: false), Made(2, succeeded: false));

        await Deliver.HandleAsync(Delivery(attempt: 2), CancellationToken.None);

        NothingSent();
    }

    [Fact]
    public async Task After_a_success_a_scheduled_attempt_is_not_sent()
    {
        Earlier(Made(1, succeeded: true));

        await Deliver.HandleAsync(Delivery(attempt: 2), CancellationToken.None);

        NothingSent();
    }

    [Fact]
    public async Task A_manual_redelivery_is_sent_even_after_a_success()
    {
        Earlier(Made(1, succeeded: true));

        await Deliver.HandleAsync(Delivery(manual: true), CancellationToken.None);

        Assert.True(Assert.Single(recorded).Manual);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_deleted_or_disabled_endpoint_gets_nothing(bool deleted)
    {
        endpoints.Setup(e => e.GetAsync(Scope, endpoint.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(deleted ? null : endpoint with { Status = WebhookEndpointStatus.Disabled });

        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        NothingSent();
    }

    [Fact]
    public async Task A_delivery_naming_a_missing_event_is_dropped()
    {
        events.Setup(e => e.GetAsync(Scope, platformEvent.Id, It.IsAny<CancellationToken>())).ReturnsAsync((PlatformEvent?)null);

        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        NothingSent();
    }

    [Fact]
    public async Task A_delivery_finding_every_slot_of_its_endpoint_taken_goes_back_to_the_queue_without_an_attempt()
    {
        options.MaxInFlightPerEndpoint = 1;
        options.SlotWait = TimeSpan.Zero;
        var hanging = new TaskCompletionSource<WebhookResponse>();
        sender.Setup(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>())).Returns(hanging.Task);
        var deliver = Deliver;
        var first = deliver.HandleAsync(Delivery(), CancellationToken.None);

        await deliver.HandleAsync(Delivery(attempt: 2), CancellationToken.None);

        Assert.Equal((Delivery(attempt: 2), options.DeferDelay), Assert.Single(queued));
        Assert.Empty(recorded);
        hanging.SetResult(new WebhookResponse(200, TimeSpan.FromSeconds(1), null));
        await first;
        sender.Verify(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failure_on_a_healthy_endpoint_marks_when_its_failures_began()
    {
        Answers(new WebhookResponse(500, TimeSpan.FromSeconds(1), "unexpected_status"));

        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        endpoints.Verify(e => e.ReplaceAsync(It.Is<WebhookEndpoint>(changed => changed.FailingSince == recorded[0].Started), null, null, It.IsAny<CancellationToken>()));
    }

    private void Endpoint(WebhookEndpoint changed)
    {
        endpoint = changed;
        endpoints.Setup(e => e.GetAsync(Scope, endpoint.Id, It.IsAny<CancellationToken>())).ReturnsAsync(endpoint);
        Earlier();
    }

    [Theory]
    [InlineData(429, 180, 180)]
    [InlineData(503, 2, 300)]
    [InlineData(429, 86_400, 3_600)]
    public async Task A_Retry_After_longer_than_the_schedule_sets_the_retry_capped_at_an_hour_and_pauses_the_endpoint(int status, int retryAfterSeconds, int expectedSeconds)
    {
        WebhookEndpoint? written = null;
        endpoints.Setup(e => e.ReplaceAsync(It.IsAny<WebhookEndpoint>(), null, null, It.IsAny<CancellationToken>()))
            .Callback<WebhookEndpoint, Core.Events.PlatformEvent?, Core.Idempotency.IdempotencyCompletion?, CancellationToken>((changed, _, _, _) => written = changed)
            .Returns(Task.CompletedTask);
        Answers(new WebhookResponse(status, TimeSpan.FromSeconds(1), "unexpected_status", TimeSpan.FromSeconds(retryAfterSeconds)));

        await Deliver.HandleAsync(Delivery(attempt: 2), CancellationToken.None);

        // The schedule's second wait is 5 min: a shorter Retry-After leaves it, a longer one (up to an hour) replaces it.
        var (_, delay) = Assert.Single(queued);
        Assert.Equal(TimeSpan.FromSeconds(Math.Max(expectedSeconds, 300)), delay);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(retryAfterSeconds, 3_600)), written!.PausedUntil);
        Assert.Equal(clock.GetUtcNow(), written.FailingSince);
    }

    [Fact]
    public async Task A_paused_endpoints_delivery_goes_back_to_the_queue_until_the_pause_ends_without_an_attempt()
    {
        Endpoint(endpoint with { PausedUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(42) });

        await Deliver.HandleAsync(Delivery(attempt: 3), CancellationToken.None);

        sender.Verify(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(recorded);
        Assert.Equal((Delivery(attempt: 3), TimeSpan.FromSeconds(42)), Assert.Single(queued));
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_with_reason_gone_and_a_notice_and_is_not_retried()
    {
        (WebhookEndpoint Endpoint, Core.Events.PlatformEvent? Notice)? written = null;
        endpoints.Setup(e => e.ReplaceAsync(It.IsAny<WebhookEndpoint>(), It.IsAny<Core.Events.PlatformEvent?>(), null, It.IsAny<CancellationToken>()))
            .Callback<WebhookEndpoint, Core.Events.PlatformEvent?, Core.Idempotency.IdempotencyCompletion?, CancellationToken>((changed, notice, _, _) => written = (changed, notice))
            .Returns(Task.CompletedTask);
        Answers(new WebhookResponse(410, TimeSpan.FromSeconds(1), "unexpected_status"));

        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        Assert.Empty(queued);
        Assert.Equal("failed", Assert.Single(recorded).Status);
        Assert.Equal((WebhookEndpointStatus.Disabled, DisabledReasons.Gone), (written!.Value.Endpoint.Status, written.Value.Endpoint.DisabledReason));
        Assert.Equal(EventTypes.WebhookEndpointDisabled, written.Value.Notice!.Type);
        Assert.Contains("\"disabled_reason\":\"gone\"", written.Value.Notice.ObjectJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throttled_endpoint_without_a_slot_soon_goes_back_to_the_queue_until_its_slot_without_an_attempt()
    {
        Endpoint(endpoint with { ThrottleRate = 4 });
        pacer.Setup(p => p.TakeAsync(Scope, endpoint.Id, TimeSpan.FromMilliseconds(250), clock.GetUtcNow(), options.ThrottleWait, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaceSlot(false, clock.GetUtcNow() + TimeSpan.FromSeconds(7)));

        await Deliver.HandleAsync(Delivery(), CancellationToken.None);

        sender.Verify(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(recorded);
        Assert.Equal((Delivery(), TimeSpan.FromSeconds(7)), Assert.Single(queued));
    }

    [Fact]
    public async Task A_thin_endpoint_receives_only_the_objects_id_and_type()
    {
        Endpoint(endpoint with { Payload = PayloadStyle.Thin, ApiVersion = ApiVersions.Newest });
        WebhookRequest? sent = null;
        sender.Setup(s => s.SendAsync(It.IsAny<WebhookRequest>(), It.IsAny<CancellationToken>()))
            .Callback<WebhookRequest, CancellationToken>((request, _) => sent = request)
            .ReturnsAsync(new WebhookResponse(200, TimeSpan.FromMilliseconds(5), null));
        var payment = Core.Events.PlatformEvent.Of(EventTypes.PaymentSucceeded, Scope, Mode.Test, new { id = "pay_1", @object = "payment", amount = 100, card = new { last4 = "4242" } }, clock);
        events.Setup(e => e.GetAsync(Scope, payment.Id, It.IsAny<CancellationToken>())).ReturnsAsync(payment);
        attempts.Setup(a => a.ListAsync(Scope, payment.Id, endpoint.Id, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        await Deliver.HandleAsync(new WebhookDelivery(Scope, payment.Id, endpoint.Id, 1), CancellationToken.None);

        using var body = System.Text.Json.JsonDocument.Parse(sent!.Body);
        Assert.Equal(["id", "object"], body.RootElement.GetProperty("data").GetProperty("object").EnumerateObject().Select(member => member.Name));
        Assert.Equal(payment.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(EventTypes.PaymentSucceeded, body.RootElement.GetProperty("type").GetString());
    }
}
