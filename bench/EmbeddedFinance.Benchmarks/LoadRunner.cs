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

    /// <summary>
    /// Runs the operation until the JIT is quiet: tiered compilation re-compiles the hot paths of the host, the
    /// Azure SDK and ASP.NET Core in the background for many seconds, and on a small machine that work competes
    /// with the requests. Measuring before it settles would report the warm-up, not the platform. Gives up waiting
    /// after <paramref name="limit"/> and says so; returns how long it warmed up.
    /// </summary>
    public static async Task<TimeSpan> WarmUpAsync(int clients, Func<int, Task<bool>> operation, TextWriter output, TimeSpan? limit = null)
    {
        var round = TimeSpan.FromSeconds(2);
        var started = Stopwatch.StartNew();
        while (true)
        {
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            await RunAsync(clients, round, operation);
            var jitShare = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore) / round;
            if (jitShare < QuietJitShare) return started.Elapsed;
            if (started.Elapsed > (limit ?? TimeSpan.FromSeconds(60)))
            {
                output.WriteLine($"(the JIT was still busy {jitShare:P0} of the time after {started.Elapsed.TotalSeconds:0} s of warm-up; measuring anyway)");
                return started.Elapsed;
            }
        }
    }

    /// <summary>JIT time per second of load below which the code is taken as warm.</summary>
    private const double QuietJitShare = 0.03;

    /// <summary>The value at fraction <paramref name="p"/> of an ascending array (nearest rank).</summary>
    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
