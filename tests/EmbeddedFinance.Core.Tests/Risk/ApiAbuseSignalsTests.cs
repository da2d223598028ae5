using System.Diagnostics.Metrics;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Risk;

public sealed class ApiAbuseSignalsTests : IDisposable
{
    private static readonly Caller.Merchant Shop = new("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<IAuditLog> log = new();
    private readonly List<AuditEntry> audited = [];
    private readonly List<(string Metric, string? Scope)> measured = [];
    private readonly MeterListener listener = new();
    private readonly ApiAbuseSignals signals;

    public ApiAbuseSignalsTests()
    {
        log.Setup(l => l.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).Callback<AuditEntry, CancellationToken>((entry, _) => audited.Add(entry)).Returns(Task.CompletedTask);
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == PlatformTelemetry.Name && instrument.Name.StartsWith("ef.api.abuse.", StringComparison.Ordinal)) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var scope = tags.ToArray().FirstOrDefault(tag => tag.Key == "scope").Value as string;
            // Other tests in this process raise alerts too: keep only this test's scopes.
            if (scope is Caller.PlatformScope or "mer_1:test") lock (measured) measured.Add((instrument.Name, scope));
        });
        listener.Start();
        var options = Options.Create(new ApiAbuseOptions { FailedAuthenticationBurst = 3, KeyAddressSpread = 3, VolumeJumpFactor = 5, VolumeJumpMinimum = 20 });
        signals = new ApiAbuseSignals(new AuditTrail(log.Object, clock, NullLogger<AuditTrail>.Instance), options, clock, NullLogger<ApiAbuseSignals>.Instance);
    }

    public void Dispose() => listener.Dispose();

    [Fact]
    public async Task A_burst_of_401s_from_one_address_raises_one_alert_with_its_metric_and_audit_record()
    {
        for (var i = 0; i < 10; i++) await signals.FailedAuthenticationAsync("198.51.100.7", $"req_{i}");
        await signals.FailedAuthenticationAsync("198.51.100.8", "req_other");

        var alert = Assert.Single(audited);
        Assert.Equal((Caller.PlatformScope, "alert.failed_authentication_burst", "req_2"), (alert.Scope, alert.Action, alert.RequestId));
        Assert.Contains(("ef.api.abuse.failed_authentication_burst", Caller.PlatformScope), measured);
    }

    [Fact]
    public async Task The_same_address_alerts_again_once_its_window_has_passed()
    {
        for (var i = 0; i < 3; i++) await signals.FailedAuthenticationAsync("198.51.100.7", "req");
        clock.Advance(new ApiAbuseOptions().Window + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++) await signals.FailedAuthenticationAsync("198.51.100.7", "req");

        Assert.Equal(2, audited.Count);
    }

    [Fact]
    public async Task One_key_from_many_addresses_raises_an_alert_in_its_merchants_scope_and_repeats_from_one_address_do_not()
    {
        for (var i = 0; i < 10; i++) await signals.AuthenticatedAsync(Shop, "203.0.113.1", "req");
        Assert.Empty(audited);

        await signals.AuthenticatedAsync(Shop, "203.0.113.2", "req");
        await signals.AuthenticatedAsync(Shop, "203.0.113.3", "req_third");

        var alert = Assert.Single(audited);
        Assert.Equal(("mer_1:test", "key_1", "alert.key_address_spread", "req_third"), (alert.Scope, alert.KeyId, alert.Action, alert.RequestId));
        Assert.Contains(("ef.api.abuse.key_address_spread", "mer_1:test"), measured);
    }

    [Fact]
    public async Task A_merchants_volume_far_above_its_usual_raises_one_alert_but_a_new_merchants_first_busy_minutes_do_not()
    {
        for (var minute = 0; minute < 6; minute++)
        {
            for (var i = 0; i < (minute == 0 ? 100 : 4); i++) await signals.AuthenticatedAsync(Shop, "203.0.113.1", "req");
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Empty(audited);

        for (var i = 0; i < 60; i++) await signals.AuthenticatedAsync(Shop, "203.0.113.1", $"req_{i}");

        var alert = Assert.Single(audited);
        // The usual is about 9 a minute after the first busy one faded (weight 0.2 a minute): 5 × that is the 47th request.
        Assert.Equal(("alert.volume_jump", "req_46"), (alert.Action, alert.RequestId));
        Assert.Contains(("ef.api.abuse.volume_jump", "mer_1:test"), measured);
    }
}
