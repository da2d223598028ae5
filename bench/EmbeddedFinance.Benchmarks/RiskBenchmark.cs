namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// The payment benchmark with risk screening off and on, in one run: two platforms side by side (each its own Azurite and
/// host, alike but for <c>Risk:Enabled</c>), measured in alternating rounds so that drift on the machine falls on both.
/// Payments take turns over many cards, as real traffic does, and the screened merchant's card velocity limit is set
/// out of reach (as every payment benchmark does), so every payment takes the same path and the difference is the screening's own cost.
/// </summary>
public static class RiskBenchmark
{
    private const int Cards = SplitPaymentLoad.DefaultCards;

    public static async Task RunAsync(int clients, TimeSpan duration, int rounds, TextWriter output, bool relay = true)
    {
        await using var off = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?> { ["Risk:Enabled"] = "false" }, relay);
        await using var on = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?> { ["Risk:Enabled"] = "true" }, relay);
        using var offLoad = await SplitPaymentLoad.StartAsync(off, clients, Cards);
        using var onLoad = await SplitPaymentLoad.StartAsync(on, clients, Cards);

        await LoadRunner.WarmUpAsync(clients, offLoad.PayAsync, output);
        await LoadRunner.WarmUpAsync(clients, onLoad.PayAsync, output);
        var measured = new List<(LoadRunner.Figures Off, LoadRunner.Figures On)>();
        for (var round = 1; round <= rounds; round++)
        {
            var withoutRisk = await MeasureAsync(off, offLoad, clients, duration, relay);
            var withRisk = await MeasureAsync(on, onLoad, clients, duration, relay);
            measured.Add((withoutRisk.Figures, withRisk.Figures));
            output.WriteLine($"round {round}: risk off {withoutRisk.Figures.PerSecond:0.0}/s (p50 {withoutRisk.Figures.P50Ms:0.0} ms, p99 {withoutRisk.Figures.P99Ms:0.0} ms, {withoutRisk.CallsPerPayment:0.00} table calls each), " +
                $"risk on {withRisk.Figures.PerSecond:0.0}/s (p50 {withRisk.Figures.P50Ms:0.0} ms, p99 {withRisk.Figures.P99Ms:0.0} ms, {withRisk.CallsPerPayment:0.00} table calls each) → ratio {withRisk.Figures.PerSecond / withoutRisk.Figures.PerSecond:0.00}");
        }
        var offRate = measured.Sum(m => m.Off.Operations) / measured.Sum(m => m.Off.Seconds);
        var onRate = measured.Sum(m => m.On.Operations) / measured.Sum(m => m.On.Seconds);
        output.WriteLine($"payments over HTTP ({clients} clients, {Cards} cards, {rounds} rounds of {duration.TotalSeconds:0} s each{(relay ? ", relay settling between rounds" : ", relay off")}): " +
            $"risk off {offRate:0.0}/s, risk on {onRate:0.0}/s → ratio {onRate / offRate:0.00} (target ≥ 0.9); failures {measured.Sum(m => m.Off.Failures)} off, {measured.Sum(m => m.On.Failures)} on");
    }

    private static async Task<(LoadRunner.Figures Figures, double CallsPerPayment)> MeasureAsync(BenchmarkEnvironment environment, SplitPaymentLoad load, int clients, TimeSpan duration, bool relay)
    {
        var before = environment.StorageCalls.Snapshot();
        var figures = await LoadRunner.RunAsync(clients, duration, load.PayAsync);
        var calls = environment.StorageCalls.Snapshot() - before;
        // The relay settles what this round sent before the other platform's round starts, so neither pays for the other's backlog.
        if (relay) await load.SettledAsync(TimeSpan.FromSeconds(60));
        return (figures, (double)calls.Total / Math.Max(1, figures.Operations));
    }
}
