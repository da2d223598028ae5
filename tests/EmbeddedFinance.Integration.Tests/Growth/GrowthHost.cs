using Azure.Data.Tables;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Integration.Tests.Growth;

/// <summary>
/// A host for the growth tests: its clock is a fake one the test moves, nothing runs behind the test's back (no nudge,
/// no timers, settlement, payout and identity verification requests go nowhere), and every table request is recorded.
/// </summary>
public static class GrowthHost
{
    public const string Never = "0 0 0 1 1 *";

    /// <summary>A whole minute plus 30 s, so that a few minutes' steps never straddle an hour.</summary>
    public static readonly DateTimeOffset Start = new(2030, 6, 1, 10, 0, 30, TimeSpan.Zero);

    public static Task<TestHost> StartAsync(FakeTimeProvider clock, StorageRequests requests, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Schedules:SweepOutbox"] = Never,
            ["Schedules:SweepSettlement"] = Never,
            ["Schedules:PurgeIdempotency"] = Never,
            ["Schedules:Reconcile"] = Never,
            ["Schedules:Redrive"] = Never,
            ["Schedules:PayScheduledPayouts"] = Never,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return TestHost.StartAsync(all, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IOutboxNudge, NoNudge>();
            services.AddSingleton(Mock.Of<ISettlementQueue>());
            services.AddSingleton(Mock.Of<IPayoutQueue>());
            // Identity verification runs in the test's own step (PaymentClient.VerifyAsync), never off a queue behind it.
            services.AddSingleton(Mock.Of<IIdentityVerificationQueue>());
            requests.Register(services);
        });
    }

    /// <summary>Adds rows fast, as history would: 100-row batches in parallel, one partition per batch.</summary>
    public static async Task AddRowsAsync(TableClient table, int count, Func<int, ITableEntity> row)
    {
        var batches = Enumerable.Range(0, count).Select(row).GroupBy(entity => entity.PartitionKey).SelectMany(partition => partition.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, cancellationToken) =>
            await table.SubmitTransactionAsync(batch.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity)), cancellationToken));
    }
}
