using EmbeddedFinance.Core.Health;

namespace EmbeddedFinance.Functions.Health;

public sealed record HealthView(string Status, HealthView.StorageView Storage)
{
    public static HealthView From(StorageHealthReport report) => new(
        report.Healthy ? "ok" : "degraded",
        new StorageView(ServiceView.From(report.Tables), ServiceView.From(report.Queues)));

    public sealed record StorageView(ServiceView Tables, ServiceView Queues);

    public sealed record ServiceView(bool Reachable, long LatencyMs, string? Error)
    {
        public static ServiceView From(ServiceHealth health) => new(health.Reachable, health.LatencyMs, health.Error);
    }
}
