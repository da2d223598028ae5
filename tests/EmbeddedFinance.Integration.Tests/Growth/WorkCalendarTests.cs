using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Idempotency;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Integration.Tests.Growth;

/// <summary>
/// The sweeps find their work through the work calendar's marks (docs/decisions/010-work-calendar.md), on a fake clock
/// the test moves, with nothing relayed or settled behind its back; and filtered lists page through their index rows.
/// </summary>
public sealed class WorkCalendarTests : HostedTest
{
    private readonly FakeTimeProvider clock = new(GrowthHost.Start);
    private PaymentClient client = null!;
    private string token = null!;
    private string driverA = null!;
    private string driverB = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    protected override Task<TestHost> StartHostAsync() =>
        GrowthHost.StartAsync(clock, new StorageRequests(), new Dictionary<string, string?> { ["Settlement:AvailableAfter"] = "00:03:00" });

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
        driverA = await client.AccountAsync("A", PaymentClient.UsBank());
        driverB = await client.AccountAsync("B", PaymentClient.UsBank());
    }

    private IOutbox Outbox => Host.Services.GetRequiredService<IOutbox>();
    private ISettlementStore Settlement => Host.Services.GetRequiredService<ISettlementStore>();

    [Fact]
    public async Task An_outbox_row_whose_nudge_was_lost_is_found_by_the_sweep_and_again_while_it_stays_undispatched()
    {
        await client.PayAsync(token, 5_000, splits: [new { account = driverA, amount = 5_000 }]);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains(Scope, await SweepOutboxAsync());

        // Its minute has closed and its mark is gone, but the row is still there (a consumer failing, say): found again.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(Scope, await SweepOutboxAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(Scope, await SweepOutboxAsync());

        await Host.Services.GetRequiredService<RelayOutbox>().RunAsync(Scope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(Scope, await SweepOutboxAsync());
        Assert.Empty(await MarksAsync("outbox:"));
    }

    [Fact]
    public async Task A_commit_that_lands_after_its_minute_was_first_swept_is_still_found_by_a_later_sweep()
    {
        // The writer marks, then its commit takes long (storage retries): the first sweep after the minute ends finds
        // no row yet, and must not close the minute and drop the mark before the commit can have landed.
        var scope = MerchantScope.Of(PrefixedId.New("mer", clock), Mode.Test);
        await Host.Services.GetRequiredService<WorkCalendar>().MarkAsync(WorkPurpose.Outbox, scope, clock.GetUtcNow(), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.DoesNotContain(scope, await SweepOutboxAsync());

        var late = new StateBatch(Host.Services.GetRequiredService<StateTable>(), Host.Services.GetRequiredService<IdempotencyRecords>(), new NoNudge(), scope);
        await late.AddEvent(PlatformEvent.Of(EventTypes.PaymentSucceeded, scope, Mode.Test, new { id = "pay_late", @object = "payment" }, clock)).SubmitAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(scope, await SweepOutboxAsync());
    }

    [Fact]
    public async Task A_deferred_release_is_found_by_the_settlement_sweep_when_due_with_no_nudge_and_released()
    {
        await client.PayAsync(token, 3_000, fee: 300, splits: [new { account = driverA, amount = 2_700 }]);
        await Host.Services.GetRequiredService<RelayOutbox>().RunAsync(Scope, CancellationToken.None);
        var settle = Host.Services.GetRequiredService<SettleScope>();
        await settle.RunAsync(Scope, CancellationToken.None);
        Assert.Equal(2_700, await client.BalanceAsync(driverA, "pending"));
        // The apply's mark is handled and gone; the release is not due, its mark waits in the bucket of its release time.
        clock.Advance(TimeSpan.FromSeconds(70));
        Assert.DoesNotContain(Scope, await SweepSettlementAsync());

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Contains(Scope, await SweepSettlementAsync());
        await settle.RunAsync(Scope, CancellationToken.None);
        Assert.Equal(2_700, await client.BalanceAsync(driverA, "available"));
        Assert.Equal(0, await client.BalanceAsync(driverA, "pending"));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(Scope, await SweepSettlementAsync());
    }

    [Fact]
    public async Task An_expired_idempotency_key_is_purged_through_its_expiry_mark_and_can_be_used_again()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { amount = 1_000, currency = "usd", payment_method = token };
        await PaymentClient.ExpectAsync(await client.CreateAsync(body, key), HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromHours(25));

        var purged = await Host.Services.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(CancellationToken.None);
        Assert.True(purged >= 1);
        Assert.Equal(0, await Host.CountRowsAsync("idem"));
        await PaymentClient.ExpectAsync(await client.CreateAsync(new { amount = 2_000, currency = "usd", payment_method = token }, key), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Filtered_lists_page_across_a_cursor_through_their_index_rows()
    {
        for (var i = 0; i < 3; i++)
        {
            await client.PayAsync(token, 4_000, splits: [new { account = driverA, amount = 4_000 }]);
            await client.PayAsync(token, 4_000, splits: [new { account = driverB, amount = 4_000 }]);
        }
        await Host.Services.GetRequiredService<RelayOutbox>().RunAsync(Scope, CancellationToken.None);
        await Host.Services.GetRequiredService<SettleScope>().RunAsync(Scope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        await Host.Services.GetRequiredService<SettleScope>().RunAsync(Scope, CancellationToken.None);
        foreach (var driver in new[] { driverA, driverB, driverA, driverB, driverA })
        {
            await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 500, currency = "usd", method = "standard" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        }

        await AssertPagesAsync($"v1/payouts?account={driverA}", 3, item => Assert.Equal(driverA, item.GetProperty("account").GetString()));
        await AssertPagesAsync("v1/events?type=payout.created", 5, item => Assert.Equal("payout.created", item.GetProperty("type").GetString()));
        // Each driver's captures and releases, and payouts; never the other driver's.
        await AssertPagesAsync($"v1/ledger/transactions?account={driverB}", 3 + 3 + 2, item =>
            Assert.Contains(item.GetProperty("postings").EnumerateArray(), posting => posting.GetProperty("account").GetString()!.StartsWith(driverB + ":", StringComparison.Ordinal)));
    }

    /// <summary>Pages of two through the cursor: every item once, in creation order, <c>has_more</c> until the last.</summary>
    private async Task AssertPagesAsync(string path, int expected, Action<JsonElement> each)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await PaymentClient.ExpectAsync(await client.GetAsync($"{path}&limit=2" + (after is null ? "" : $"&starting_after={after}")), HttpStatusCode.OK);
            var data = page.GetProperty("data").EnumerateArray().ToList();
            data.ForEach(each);
            ids.AddRange(data.Select(item => item.GetProperty("id").GetString()!));
            if (!page.GetProperty("has_more").GetBoolean()) break;
            Assert.Equal(2, data.Count);
            after = ids[^1];
        }
        Assert.Equal(expected, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    private Task<IReadOnlyList<string>> SweepOutboxAsync() => Outbox.ScopesWithStaleEntriesAsync(clock.GetUtcNow() - TimeSpan.FromSeconds(5), CancellationToken.None);

    private Task<IReadOnlyList<string>> SweepSettlementAsync() => Settlement.ScopesWithDueJobsAsync(clock.GetUtcNow() - TimeSpan.FromSeconds(5), CancellationToken.None);

    private async Task<List<string>> MarksAsync(string purpose)
    {
        var marks = new List<string>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.Prefix + "work").QueryAsync<TableEntity>(row => row.PartitionKey.CompareTo(purpose) > 0 && row.PartitionKey.CompareTo(purpose + "~") < 0)) marks.Add(row.PartitionKey);
        return marks;
    }
}
