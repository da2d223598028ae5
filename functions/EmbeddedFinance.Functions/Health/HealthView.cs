using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Health;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Functions.Health;

/// <summary>
/// <c>ok</c>, or <c>degraded</c> when storage does not answer (503) or when messages sit in a poison queue or
/// the last reconciliation found problems (200: the instance serves, but an operator must look). Only the admin key
/// sees why: anyone else gets the status alone.
/// </summary>
[Description("The service's health. Without the admin key only `status`; with it, also the storage, poison queues and last reconciliation behind it.")]
public sealed record HealthView(
    [Description("`ok` when every dependency is reachable and nothing waits for an operator, `degraded` otherwise."), AllowedValues("ok", "degraded")]
    string Status,
    [Description("Reachability of Azure Storage. Admin key only.")]
    HealthView.StorageView? Storage,
    [Description("Messages per poison queue: work that failed every retry. Admin key only.")]
    IReadOnlyDictionary<string, int>? PoisonMessages,
    [Description("The last reconciliation's counts, once one has run. Admin key only.")]
    HealthView.ReconciliationView? Reconciliation)
{
    /// <summary>What anyone may see: the status, not what makes it so.</summary>
    public HealthView StatusOnly() => new(Status, null, null, null);

    public static HealthView From(StorageHealthReport report, ReconciliationReport? reconciliation)
    {
        var attention = report.PoisonMessages.Values.Any(count => count > 0) || reconciliation is { Problems: > 0 };
        return new(
            report.Healthy && !attention ? "ok" : "degraded",
            new StorageView(ServiceView.From(report.Tables), ServiceView.From(report.Queues)),
            report.PoisonMessages,
            reconciliation is null ? null : new ReconciliationView(reconciliation.At.ToUnixTimeSeconds(), reconciliation.Unbalanced.Count, reconciliation.Drift.Count));
    }

    public sealed record ReconciliationView(long At, int Unbalanced, int Drift);

    [Description("Reachability of Azure Storage.")]
    public sealed record StorageView(
        [Description("Azure Table storage.")]
        ServiceView Tables,
        [Description("Azure Queue storage.")]
        ServiceView Queues);

    [Description("The result of probing one storage service.")]
    public sealed record ServiceView(
        [Description("Whether the probe succeeded.")]
        bool Reachable,
        [Description("How long the probe took, in milliseconds."), Range(0, double.PositiveInfinity), Example(4)]
        long LatencyMs,
        [Description("Why the probe failed; present only when `reachable` is false."), Example("The operation timed out.")]
        string? Error)
    {
        public static ServiceView From(ServiceHealth health) => new(health.Reachable, health.LatencyMs, health.Error);
    }
}
