using System.Diagnostics;

namespace EmbeddedFinance.Benchmarks;

/// <summary>Runs an operation from N concurrent clients for a fixed time and reports rate and latency percentiles.</summary>
public static class LoadRunner
{
    public sealed record Figures(int Operations, int Failures, double Seconds, double PerSecond, double P50Ms, double P99Ms, double MeanMs);

    public static async Task<Figures> RunAsync(int clients, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        var total = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            latencies[client] = [];
            var sequence = 0;
            while (DateTime.UtcNow < deadline)
            {
                var watch = Stopwatch.StartNew();
                var ok = await operation(client * 1_000_000 + sequence++);
                latencies[client].Add(watch.Elapsed.TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        }));
        var seconds = total.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Figures(all.Length, failures, seconds, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Average());
    }

    /// <summary>The value at fraction <paramref name="p"/> of an ascending array (nearest rank).</summary>
    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
