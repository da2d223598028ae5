using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Invariant 10 on the dev host: payments over HTTP with N clients, then 100,000 unrelated rows added to the state
/// table (other scopes, as other merchants' history would be), then the same load again in the same run. Cost
/// follows work when the second figures match the first (target: rate ≥ 0.9×, p99 ≤ 1.5×).
/// </summary>
public static class GrowthBenchmark
{
    public const int UnrelatedRows = 100_000;

    public static async Task RunAsync(int clients, TimeSpan duration, TextWriter output)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        using var load = await SplitPaymentLoad.StartAsync(environment, clients);

        await LoadRunner.WarmUpAsync(clients, load.PayAsync, output);
        var (before, callsBefore) = await MeasureAsync(environment, clients, duration, load.PayAsync);
        var stateTable = environment.Services.GetRequiredService<IOptions<StorageOptions>>().Value.StateTable;
        // The yardstick: Azurite's own rate for a payment-sized batch into the same table, before and after the rows.
        var rawBefore = (await PaymentBenchmark.RawBatchesAsync(environment.ConnectionString, clients, duration, PaymentBenchmark.PaymentSizedBatch, stateTable)).Figures;

        var added = System.Diagnostics.Stopwatch.StartNew();
        await AddUnrelatedRowsAsync(new TableServiceClient(environment.ConnectionString).GetTableClient(stateTable));
        output.WriteLine($"added {UnrelatedRows:N0} unrelated rows to the state table in {added.Elapsed.TotalSeconds:0.0} s");
        // Let the sweeps and settlement that ran behind the first load finish before the second.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (after, callsAfter) = await MeasureAsync(environment, clients, duration, load.PayAsync);
        var rawAfter = (await PaymentBenchmark.RawBatchesAsync(environment.ConnectionString, clients, duration, PaymentBenchmark.PaymentSizedBatch, stateTable)).Figures;

        output.WriteLine($"before: {before.PerSecond:0.0} payments/s, p50 {before.P50Ms:0.0} ms, p99 {before.P99Ms:0.0} ms, failures {before.Failures}, {callsBefore.Total / (double)before.Operations:0.00} storage calls per payment");
        output.WriteLine($"after:  {after.PerSecond:0.0} payments/s, p50 {after.P50Ms:0.0} ms, p99 {after.P99Ms:0.0} ms, failures {after.Failures}, {callsAfter.Total / (double)after.Operations:0.00} storage calls per payment");
        var rate = after.PerSecond / before.PerSecond;
        var p99 = after.P99Ms / before.P99Ms;
        output.WriteLine($"ratio after/before: payments/s {rate:0.00} (target ≥ 0.90), p99 {p99:0.00} (target ≤ 1.50){(rate >= 0.9 && p99 <= 1.5 ? "" : "  MISSED")}");
        output.WriteLine($"raw Azurite, a payment-sized batch ({PaymentBenchmark.PaymentSizedBatch.Rows} rows) into the same table: {rawBefore.PerSecond:0.0}/s → {rawAfter.PerSecond:0.0}/s, p99 {rawBefore.P99Ms:0.0} → {rawAfter.P99Ms:0.0} ms; " +
            $"ratio {rawAfter.PerSecond / rawBefore.PerSecond:0.00}, p99 {rawAfter.P99Ms / rawBefore.P99Ms:0.00} (what the emulator itself loses to the rows)");
        WriteShapes(output, "before", callsBefore, before.Operations);
        WriteShapes(output, "after", callsAfter, after.Operations);
    }

    private static async Task<(LoadRunner.Figures Figures, StorageCallCounter.Calls Calls)> MeasureAsync(BenchmarkEnvironment environment, int clients, TimeSpan duration, Func<int, Task<bool>> pay)
    {
        var start = environment.StorageCalls.Snapshot();
        var figures = await LoadRunner.RunAsync(clients, duration, pay);
        return (figures, environment.StorageCalls.Snapshot() - start);
    }

    /// <summary>100-row batches in parallel, one partition each: other merchants' payments, as history would hold them.</summary>
    private static async Task AddUnrelatedRowsAsync(TableClient table)
    {
        var body = new string('x', 600);
        await Parallel.ForEachAsync(Enumerable.Range(0, UnrelatedRows / StateBatch.MaxActions), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, cancellationToken) =>
            await table.SubmitTransactionAsync(Enumerable.Range(0, StateBatch.MaxActions).Select(row =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"mer_history{batch:D5}:live", $"payment|pay_{row:D4}") { ["Body"] = body })), cancellationToken));
    }

    private static void WriteShapes(TextWriter output, string label, StorageCallCounter.Calls calls, long operations)
    {
        foreach (var (name, shape) in calls.ByShape.OrderByDescending(pair => pair.Value.Count))
            output.WriteLine($"  {label} {(double)shape.Count / operations,6:0.000} per payment  {name}");
    }
}
