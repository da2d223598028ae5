using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// N settlement jobs for one merchant, all sharing its fee account, each with its own queue message, released at
/// one instant to the host's queue trigger; timed until every job is settled and the queue is empty. Against it,
/// in the same run: N plain messages drained from an Azurite queue by receive-32 + delete.
/// </summary>
public static class SettlementBenchmark
{
    public static async Task RunAsync(int jobs, TextWriter output)
    {
        // The sweep would find the jobs before their messages: keep it out of the measurement.
        await using var environment = await BenchmarkEnvironment.StartAsync(new Dictionary<string, string?> { ["Schedules:SweepSettlement"] = BenchmarkEnvironment.Never });
        using var http = new HttpClient { BaseAddress = environment.Api };
        var scope = MerchantScope.Of((await BenchmarkEnvironment.CreateMerchantAsync(http)).Id, Mode.Test);
        var services = environment.Services;

        var perJob = await SettleAsync(environment, scope, jobs, messages: jobs);
        // The relay sends one settlement request per page of up to 100 outbox entries it relays.
        var perPage = await SettleAsync(environment, scope, jobs, messages: (jobs + 99) / 100);
        var raw = await RawDrainAsync(services.GetRequiredService<QueueServiceClient>().GetQueueClient("benchrawdrain"), jobs);
        var report = await services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);

        output.WriteLine($"settlement of {jobs} jobs for one merchant (one fee account), timed until every job is settled and the queue is empty:");
        output.WriteLine($"  one request per job (worst case):   {perJob.PerSecond,7:0.0} jobs/s, {perJob.CallsPerJob:0.000} table calls per job, ratio to raw drain {perJob.PerSecond / raw:0.00}");
        output.WriteLine($"  one request per relayed page:       {perPage.PerSecond,7:0.0} jobs/s, {perPage.CallsPerJob:0.000} table calls per job, ratio to raw drain {perPage.PerSecond / raw:0.00}");
        output.WriteLine($"raw Azurite queue drain of {jobs} messages, same run: {raw:0.0} messages/s (receive 32 + delete)");
        output.WriteLine($"reconciliation afterwards: {report.Transactions} transactions, {report.Problems} problems");
    }

    private sealed record Measurement(double PerSecond, double CallsPerJob);

    private static async Task<Measurement> SettleAsync(BenchmarkEnvironment environment, string scope, int jobs, int messages)
    {
        var services = environment.Services;
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<IOptions<QueueNames>>().Value.Settlement);
        var state = services.GetRequiredService<StateTable>();
        await WriteJobsAsync(services.GetRequiredService<StateBatches>(), scope, jobs);
        var visibleAt = await EnqueueHiddenAsync(queue, messages, _ => JsonSerializer.Serialize(new SettlementRequest(scope, [])));
        var before = environment.StorageCalls.Snapshot();
        await Task.Delay(Max(TimeSpan.Zero, visibleAt - DateTimeOffset.UtcNow));
        var watch = Stopwatch.StartNew();
        while (await JobsLeftAsync(state, scope) || (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30 + jobs / 50)) throw new TimeoutException("Settlement did not finish; run with BENCH_LOGS=1 to see the host's log.");
            await Task.Delay(20);
        }
        watch.Stop();
        var calls = environment.StorageCalls.Snapshot() - before;
        return new Measurement(jobs / watch.Elapsed.TotalSeconds, calls.Total / (double)jobs);
    }

    /// <summary>Captures as a marketplace payment writes them (two drivers and the fee), each with its settlement job.</summary>
    private static async Task WriteJobsAsync(StateBatches batches, string scope, int jobs)
    {
        var usd = Currency.TryParse("usd", out var currency) ? currency : throw new InvalidOperationException();
        var transactions = Enumerable.Range(0, jobs).Select(i => LedgerTransaction.Create(scope, usd, LedgerTypes.Capture, $"pay_bench{i}",
            [new Posting(LedgerAccounts.Clearing, -2_000), new Posting(LedgerAccounts.Pending($"acct_a{i % 10}"), 1_200), new Posting(LedgerAccounts.Pending($"acct_b{i % 7}"), 500), new Posting(LedgerAccounts.Fee, 300)],
            TimeProvider.System)).ToList();
        // Four rows each (the transaction, its job, an index row per driver): 20 fill a batch's 100 at most.
        await Parallel.ForEachAsync(transactions.Chunk(20), async (chunk, cancellationToken) =>
        {
            var batch = batches.For(scope);
            foreach (var transaction in chunk) batch.AddLedgerToSettle(transaction);
            await batch.SubmitAsync(cancellationToken);
        });
    }

    /// <summary>Sends the messages hidden until one instant a little after the last is sent, so the consumer meets a full queue.</summary>
    private static async Task<DateTimeOffset> EnqueueHiddenAsync(QueueClient queue, int count, Func<int, string> body)
    {
        await queue.CreateIfNotExistsAsync();
        var visibleAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3 + count / 500);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancellationToken) =>
        {
            var hidden = visibleAt - DateTimeOffset.UtcNow;
            if (hidden <= TimeSpan.Zero) throw new InvalidOperationException("Filling the queue took longer than allowed; the measurement would include it.");
            await queue.SendMessageAsync(body(i), hidden, cancellationToken: cancellationToken);
        });
        return visibleAt;
    }

    private static async Task<double> RawDrainAsync(QueueClient queue, int count)
    {
        var visibleAt = await EnqueueHiddenAsync(queue, count, i => $"{{\"n\":{i}}}");
        await Task.Delay(Max(TimeSpan.Zero, visibleAt - DateTimeOffset.UtcNow));
        var watch = Stopwatch.StartNew();
        var drained = 0;
        while (drained < count)
        {
            var messages = (await queue.ReceiveMessagesAsync(32)).Value;
            await Task.WhenAll(messages.Select(message => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt)));
            drained += messages.Length;
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<bool> JobsLeftAsync(StateTable state, string scope)
    {
        await foreach (var _ in state.KindInScope<SettlementJobEntity>(scope, SettlementJobEntity.Kind, null, 1, CancellationToken.None)) return true;
        return false;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
