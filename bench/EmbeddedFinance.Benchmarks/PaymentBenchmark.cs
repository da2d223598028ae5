using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Payment creation over HTTP with N clients (splits and a fee, as a marketplace sends them), with the storage
/// calls each payment costs, against the raw rate of one Azurite batch of the same shape, measured in the same run.
/// </summary>
public static class PaymentBenchmark
{
    /// <param name="relay">False measures the request path alone: no relay, so no settlement or webhooks behind it.</param>
    public static async Task RunAsync(int clients, TimeSpan duration, TextWriter output, bool relay = true)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync(relay: relay);
        using var load = await SplitPaymentLoad.StartAsync(environment, clients);

        using var queueCalls = Environment.GetEnvironmentVariable("BENCH_CALLS") is null ? null : new QueueCallCounter();
        var warmUp = await LoadRunner.WarmUpAsync(clients, load.PayAsync, output);
        queueCalls?.Snapshot();
        var before = environment.StorageCalls.Snapshot();
        var payments = await LoadRunner.RunAsync(clients, duration, load.PayAsync);
        var calls = environment.StorageCalls.Snapshot() - before;
        var queued = queueCalls?.Snapshot();
        var settled = relay ? await load.SettledAsync(TimeSpan.FromSeconds(60)) : (TimeSpan?)null;

        var raw = await RawBatchesAsync(environment.ConnectionString, clients, duration, RawBatch);
        var rawOfPaymentSize = await RawBatchesAsync(environment.ConnectionString, clients, duration, PaymentSizedBatch);
        var perPayment = (double)payments.Operations;
        if (!relay) output.WriteLine("request path alone: the relay is off, so nothing settles and no webhook is sent");
        output.WriteLine($"payments over HTTP ({clients} clients, {duration.TotalSeconds:0} s after {warmUp.TotalSeconds:0} s of warm-up): {payments.PerSecond:0.0}/s, p50 {payments.P50Ms:0.0} ms, p99 {payments.P99Ms:0.0} ms, failures {payments.Failures}");
        if (settled is { } drained) output.WriteLine($"end to end: every payment settled {drained.TotalMilliseconds:0} ms after the last one was answered (settlement kept pace when this is near the settlement lag)");
        output.WriteLine($"storage calls per payment:            {calls.Total / perPayment:0.00} " +
            $"(batches {calls.Batches / perPayment:0.00}, reads {calls.Reads / perPayment:0.00}, single writes {calls.Writes / perPayment:0.00})");
        output.WriteLine($"raw Azurite {RawBatch.Rows}-entity batch, same run: {raw.Figures.PerSecond:0.0}/s, p50 {raw.Figures.P50Ms:0.0} ms, p99 {raw.Figures.P99Ms:0.0} ms");
        output.WriteLine($"ratio payments / raw batches:         {payments.PerSecond / raw.Figures.PerSecond:0.00}");
        output.WriteLine($"raw batch of a payment's size ({PaymentSizedBatch.Rows} rows of {PaymentSizedBatch.RowChars} chars), same run: {rawOfPaymentSize.Figures.PerSecond:0.0}/s → ratio {payments.PerSecond / rawOfPaymentSize.Figures.PerSecond:0.00}");
        WriteShapes(output, "per payment", calls, payments.Operations);
        foreach (var (shape, count) in (queued ?? new Dictionary<string, long>()).Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value))
            output.WriteLine($"  {(double)count / payments.Operations,6:0.000} per payment  queue {shape}");
        WriteShapes(output, "per raw batch", raw.Calls, raw.Figures.Operations);
        WriteShapes(output, "per raw batch", rawOfPaymentSize.Calls, rawOfPaymentSize.Figures.Operations);
    }

    internal static void WriteShapes(TextWriter output, string per, StorageCallCounter.Calls calls, long operations)
    {
        foreach (var (name, shape) in calls.ByShape.OrderByDescending(pair => pair.Value.Count))
            output.WriteLine($"  {(double)shape.Count / operations,6:0.000} {per}  {(double)shape.Bytes / shape.Count / 1024,5:0.0} KB {(double)shape.Rows / shape.Count,4:0.0} rows  {name}");
    }

    /// <summary>Rows of one raw batch and the characters of each row's one property.</summary>
    internal readonly record struct BatchShape(int Rows, int RowChars);

    /// <summary>The yardstick: payment, ledger, event, outbox and idempotency rows of 600 characters.</summary>
    private static readonly BatchShape RawBatch = new(5, 600);

    /// <summary>
    /// A payment's state batch as BENCH_CALLS measures it: 6 rows (payment, ledger transaction, settlement job, event,
    /// outbox, idempotency record with the sealed response), ~8.8 KB sent. Tells the cost of the data from the platform's own.
    /// </summary>
    internal static readonly BatchShape PaymentSizedBatch = new(6, 950);

    /// <summary>One entity-group transaction per operation, of the given shape, in one partition per client (of a table of its own unless named).</summary>
    internal static async Task<(LoadRunner.Figures Figures, StorageCallCounter.Calls Calls)> RawBatchesAsync(string connectionString, int clients, TimeSpan duration, BatchShape shape, string? tableName = null)
    {
        var counter = new StorageCallCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(connectionString, options).GetTableClient(tableName ?? $"benchraw{shape.Rows}x{shape.RowChars}");
        await table.CreateIfNotExistsAsync();
        counter.Snapshot();
        var text = new string('x', shape.RowChars);
        var figures = await LoadRunner.RunAsync(clients, duration, async i =>
        {
            var partition = $"raw_{i % clients}";
            var id = Guid.NewGuid().ToString("N");
            var actions = Enumerable.Range(0, shape.Rows)
                .Select(row => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"row{row}|{id}") { ["Body"] = text }))
                .ToList();
            var response = await table.SubmitTransactionAsync(actions);
            return !response.GetRawResponse().IsError;
        });
        return (figures, counter.Snapshot());
    }
}
