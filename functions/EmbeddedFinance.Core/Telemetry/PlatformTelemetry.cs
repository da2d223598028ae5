using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EmbeddedFinance.Core.Telemetry;

/// <summary>
/// The platform's own traces and metrics, under one name that OpenTelemetry listens to (and exports to Application
/// Insights when configured). Tags never carry ids of cards, keys or secrets: only routes, outcomes, error codes and the data scope (merchant and
/// mode), so that the operator's workbook can show one merchant.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "EmbeddedFinance";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Time to answer an API request, by route action and status.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("ef.api.request.duration", "ms", "Time to answer an API request");

    /// <summary>Queue-triggered work items processed, by function and outcome.</summary>
    public static readonly Counter<long> QueueWork = Meter.CreateCounter<long>("ef.queue.processed", "{message}", "Queue messages processed");

    /// <summary>Webhook attempts, by outcome (succeeded, retrying, failed) and error code.</summary>
    public static readonly Counter<long> WebhookAttempts = Meter.CreateCounter<long>("ef.webhook.attempts", "{attempt}", "Webhook delivery attempts");

    public static readonly Histogram<double> WebhookAttemptDuration = Meter.CreateHistogram<double>("ef.webhook.attempt.duration", "ms", "Time of one webhook attempt");

    /// <summary>From a settlement job falling due to its being applied: how far settlement runs behind.</summary>
    public static readonly Histogram<double> SettlementLag = Meter.CreateHistogram<double>("ef.settlement.lag", "s", "Settlement lag");

    /// <summary>From an event's commit to its relay: how old outbox rows get.</summary>
    public static readonly Histogram<double> OutboxAge = Meter.CreateHistogram<double>("ef.outbox.age", "s", "Age of outbox events when relayed");

    /// <summary>Ledger problems each reconciliation finds, by kind (unbalanced, drift): anything above zero is an incident.</summary>
    public static readonly Counter<long> ReconciliationProblems = Meter.CreateCounter<long>("ef.reconciliation.problems", "{problem}", "Ledger problems found by reconciliation");

    /// <summary>Suspicious API use, one metric per signal (<c>ef.api.abuse.{signal}</c>), by scope: one per alert raised.</summary>
    public static readonly IReadOnlyDictionary<string, Counter<long>> ApiAbuse = new[] { "failed_authentication_burst", "key_address_spread", "volume_jump" }
        .ToDictionary(signal => signal, signal => Meter.CreateCounter<long>($"ef.api.abuse.{signal}", "{alert}", $"Suspicious API use alerts: {signal}"));

    public static TagList Tags(params (string Key, object? Value)[] tags)
    {
        var list = new TagList();
        foreach (var (key, value) in tags) list.Add(key, value);
        return list;
    }
}
