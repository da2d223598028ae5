using EmbeddedFinance.Core.Health;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Functions.Health;

/// <summary>
/// <c>ok</c>, or <c>degraded</c> when storage does not answer (503) or when messages sit in a poison queue or
/// the last reconciliation found problems (200: the instance serves, but an operator must look).
/// </summary>
public sealed record HealthView(string Status, HealthView.StorageView Storage, IReadOnlyDictionary<string, int> PoisonMessages, HealthView.ReconciliationView? Reconciliation)
{
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

    public sealed record StorageView(ServiceView Tables, ServiceView Queues);

    public sealed record ServiceView(bool Reachable, long LatencyMs, string? Error)
    {
        public static ServiceView From(ServiceHealth health) => new(health.Reachable, health.LatencyMs, health.Error);
    }
}
