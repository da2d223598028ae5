using EmbeddedFinance.Azure.Outbox;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EmbeddedFinance.Integration.Tests.Outbox;

/// <summary>
/// The nudge names what was committed: the relay hands it on and deletes it with no read of the outbox, and settlement
/// reads the named transactions' jobs by key, with no query for due jobs.
/// </summary>
public sealed class RelayHotPathTests : HostedTest
{
    private const string Never = "0 0 0 1 1 *";
    private int reads;
    private int dueQueries;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Schedules:SweepOutbox"] = Never, ["Schedules:SweepSettlement"] = Never };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IOutbox>(provider => CountingReads(ActivatorUtilities.CreateInstance<TableOutbox>(provider)));
        services.AddSingleton<ISettlementStore>(provider => CountingDueQueries(ActivatorUtilities.CreateInstance<TableSettlementStore>(provider)));
    }

    [Fact]
    public async Task Twenty_concurrent_payments_are_settled_and_delivered_with_no_read_of_the_outbox_nor_query_for_due_jobs()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        await new WebhookClient(Host, merchant.SecretKey).CreateEndpointAsync(Receiver.Url("all"), "payment.succeeded");
        var driver = await client.AccountAsync();
        var token = await client.TokenAsync();

        var payments = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PayAsync(token, 1_100, fee: 100, splits: [new { account = driver, amount = 1_000 }])));

        var ids = payments.Select(payment => payment.GetProperty("id").GetString()!).ToList();
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == 20_000, "every payment settled");
        await Eventually.HoldsAsync(() => ids.All(id => Receiver.On("all").Any(webhook => webhook.ObjectId == id)), "every payment delivered");
        await Eventually.HoldsAsync(async () => await Host.CountRowsAsync("outbox") == 0, "the outbox empty");
        Assert.Equal(0, reads);
        Assert.Equal(0, dueQueries);
        Assert.Equal(0, await Host.CountRowsAsync("job"));
    }

    private ISettlementStore CountingDueQueries(TableSettlementStore inner)
    {
        var store = new Mock<ISettlementStore>();
        store.Setup(s => s.ReadDueAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns((string scope, DateTimeOffset now, int max, CancellationToken token) =>
            {
                Interlocked.Increment(ref dueQueries);
                return inner.ReadDueAsync(scope, now, max, token);
            });
        store.Setup(s => s.ReadJobsAsync(It.IsAny<string>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((string scope, IReadOnlyCollection<string> ids, DateTimeOffset now, CancellationToken token) => inner.ReadJobsAsync(scope, ids, now, token));
        store.Setup(s => s.CommitAsync(It.IsAny<SettlementRun>(), It.IsAny<CancellationToken>())).Returns((SettlementRun run, CancellationToken token) => inner.CommitAsync(run, token));
        store.Setup(s => s.RowsToWrite(It.IsAny<IEnumerable<LedgerTransaction>>(), It.IsAny<int>())).Returns((IEnumerable<LedgerTransaction> created, int events) => inner.RowsToWrite(created, events));
        store.Setup(s => s.ScopesWithDueJobsAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((DateTimeOffset before, CancellationToken token) => inner.ScopesWithDueJobsAsync(before, token));
        return store.Object;
    }

    private IOutbox CountingReads(IOutbox inner)
    {
        var outbox = new Mock<IOutbox>();
        outbox.Setup(o => o.ReadAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).Returns((string scope, int max, CancellationToken token) =>
        {
            Interlocked.Increment(ref reads);
            return inner.ReadAsync(scope, max, token);
        });
        outbox.Setup(o => o.MarkDispatchedAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<OutboxEntry>>(), It.IsAny<CancellationToken>()))
            .Returns((string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken token) => inner.MarkDispatchedAsync(scope, entries, token));
        outbox.Setup(o => o.ScopesWithStaleEntriesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((DateTimeOffset before, CancellationToken token) => inner.ScopesWithStaleEntriesAsync(before, token));
        return outbox.Object;
    }
}
