using System.Net;
using EmbeddedFinance.Azure.Payments;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Payments;

/// <summary>Parallel requests, races between transitions, and a crash between the acquirer's answer and the batch.</summary>
public sealed class PaymentConcurrencyTests : HostedTest
{
    private readonly CrashBeforeCommit crash = new();
    private PaymentClient client = null!;
    private string token = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    // The relay is kept off the outbox: a test counts its rows before and after a crash.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Idempotency:InFlightWait"] = "00:00:20", ["Schedules:SweepOutbox"] = "0 0 0 1 1 *" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<EmbeddedFinance.Core.Outbox.IOutboxNudge, NoNudge>();
        services.AddSingleton(crash);
        services.AddSingleton<TablePaymentStore>();
        services.AddSingleton<IPaymentStore, CrashingPaymentStore>();
    }

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
    }

    [Fact]
    public async Task A_hundred_parallel_requests_with_one_key_create_exactly_one_payment_and_all_get_the_same_body()
    {
        var key = Guid.NewGuid().ToString();
        var paymentsBefore = await Host.CountRowsAsync("payment");
        var body = new { amount = 4_200, currency = "usd", payment_method = token };

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await client.CreateAsync(body, key);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(paymentsBefore + 1, await Host.CountRowsAsync("payment"));
        Assert.All(responses, response => Assert.Equal(201, response.Item1));
        Assert.Single(responses.Select(response => response.Item2).Distinct());
    }

    [Fact]
    public async Task Capture_racing_cancel_leaves_exactly_one_winner_every_time()
    {
        for (var round = 0; round < 10; round++)
        {
            var id = (await client.PayAsync(token, capture: false)).GetProperty("id").GetString();

            var results = await Task.WhenAll(
                Status(client.PostAsync($"v1/payments/{id}/capture")),
                Status(client.PostAsync($"v1/payments/{id}/cancel")));
            var final = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{id}"), HttpStatusCode.OK);

            Assert.Single(results, status => status == 200);
            Assert.Single(results, status => status == 409);
            Assert.Equal(results[0] == 200 ? "succeeded" : "canceled", final.GetProperty("status").GetString());
        }
        await StateRows.AssertEveryTransactionBalancesAsync(Host, Scope);
    }

    [Fact]
    public async Task Parallel_refunds_that_together_exceed_the_amount_never_refund_more_than_was_captured()
    {
        var id = (await client.PayAsync(token, amount: 10_000)).GetProperty("id").GetString()!;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Status(client.PostAsync($"v1/payments/{id}/refunds", new { amount = 3_000 }, Guid.NewGuid().ToString()))));
        var payment = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{id}"), HttpStatusCode.OK);

        Assert.Equal(3, results.Count(status => status == 201));
        Assert.All(results.Where(status => status != 201), status => Assert.True(status is 400 or 409, $"unexpected {status}"));
        Assert.Equal(9_000, payment.GetProperty("amount_refunded").GetInt64());
        var refundIds = (await Host.Tables.GetTableClient(Host.Storage.StateTable).QueryAsync<RefundEntity>(r => r.PartitionKey == Scope).ToListAsync())
            .Where(r => r.PaymentId == id).Select(r => r.RowKey["refund|".Length..]).ToHashSet();
        Assert.Equal(3, refundIds.Count);
        var refundPostings = (await StateRows.LedgerAsync(Host, Scope)).Where(t => refundIds.Contains(t.Reference)).SelectMany(t => t.Postings);
        Assert.Equal(9_000, refundPostings.Where(p => p.Account == Core.Ledger.LedgerAccounts.Clearing).Sum(p => p.Amount));
        await StateRows.AssertEveryTransactionBalancesAsync(Host, Scope);
    }

    [Fact]
    public async Task A_crash_between_the_acquirers_answer_and_the_batch_leaves_nothing_and_a_retry_with_the_same_key_succeeds()
    {
        var key = Guid.NewGuid().ToString();
        var paymentsBefore = await Host.CountRowsAsync("payment");
        var ledgerBefore = await Host.CountRowsAsync("ledger");
        var eventsBefore = await Host.CountRowsAsync("event");
        var outboxBefore = await Host.CountRowsAsync("outbox");
        crash.Armed = true;
        var body = new { amount = 5_000, currency = "usd", payment_method = token };

        using var crashed = await client.CreateAsync(body, key);
        // Storage lost mid-request is 503 service_unavailable (retry with the same key), not a 500.
        await Problem.AssertAsync(crashed, 503, "service_unavailable");
        Assert.Equal(paymentsBefore, await Host.CountRowsAsync("payment"));
        Assert.Equal(ledgerBefore, await Host.CountRowsAsync("ledger"));
        Assert.Equal(eventsBefore, await Host.CountRowsAsync("event"));
        Assert.Equal(outboxBefore, await Host.CountRowsAsync("outbox"));

        var retried = await PaymentClient.ExpectAsync(await client.CreateAsync(body, key), HttpStatusCode.Created);
        Assert.Equal("succeeded", retried.GetProperty("status").GetString());
        Assert.Equal(paymentsBefore + 1, await Host.CountRowsAsync("payment"));
        Assert.Equal(ledgerBefore + 1, await Host.CountRowsAsync("ledger"));
        Assert.Equal(eventsBefore + 1, await Host.CountRowsAsync("event"));
    }

    private static async Task<int> Status(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return (int)response.StatusCode;
    }

    public sealed class CrashBeforeCommit
    {
        public volatile bool Armed;
    }

    /// <summary>The real store, failing once after the acquirer has answered and before the batch is sent.</summary>
    private sealed class CrashingPaymentStore(TablePaymentStore inner, CrashBeforeCommit crash) : IPaymentStore
    {
        public Task CreateAsync(PaymentChange change, CancellationToken cancellationToken)
        {
            if (!crash.Armed) return inner.CreateAsync(change, cancellationToken);
            crash.Armed = false;
            throw new IOException("Injected: the process lost storage after the acquirer approved.");
        }

        public Task UpdateAsync(PaymentChange change, CancellationToken cancellationToken) => inner.UpdateAsync(change, cancellationToken);

        public Task<Payment?> GetAsync(string scope, string paymentId, CancellationToken cancellationToken) => inner.GetAsync(scope, paymentId, cancellationToken);

        public Task<Page<Payment>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) => inner.ListAsync(scope, page, cancellationToken);
    }
}
