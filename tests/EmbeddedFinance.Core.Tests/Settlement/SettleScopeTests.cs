using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Settlement;

public sealed class SettleScopeTests
{
    private const string Scope = "mer_1:test";
    private const int MaxBatchRows = 100;
    private static readonly Currency Eur = Currency.TryParse("eur", out var eur) ? eur : throw new InvalidOperationException();

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<ISettlementStore> store = new();
    private readonly Mock<ILedgerReader> ledger = new();
    private readonly SettlementOptions options = new();
    private readonly List<SettlementRun> committed = [];
    private readonly List<SettlementRun> conflicted = [];
    private readonly List<BalanceKey[]> balanceReads = [];

    public SettleScopeTests()
    {
        // Every created transaction and every event costs one row (an adapter may add index rows; the plan asks it).
        store.Setup(s => s.RowsToWrite(It.IsAny<IEnumerable<LedgerTransaction>>(), It.IsAny<int>()))
            .Returns<IEnumerable<LedgerTransaction>, int>((created, events) => created.Count() + events);
        store.Setup(s => s.ReadDueAsync(Scope, It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        ledger.Setup(l => l.BalancesOfAsync(Scope, It.IsAny<IEnumerable<BalanceKey>>(), It.IsAny<CancellationToken>()))
            .Returns<string, IEnumerable<BalanceKey>, CancellationToken>((_, keys, _) =>
            {
                var read = keys.ToArray();
                balanceReads.Add(read);
                return Task.FromResult<IReadOnlyDictionary<BalanceKey, Balance>>(read.ToDictionary(key => key, key => new Balance(key, 0, "read")));
            });
        Commits();
    }

    private SettleScope Settle => new(store.Object, ledger.Object, Options.Create(options), clock, NullLogger<SettleScope>.Instance);

    /// <summary>A capture of 1000 paying 100 to the fee account and 900 to <paramref name="owner"/>'s pending balance.</summary>
    private SettlementJob Job(string owner, SettlementStage stage = SettlementStage.Apply) => new(
        LedgerTransaction.Create(Scope, Eur, LedgerTypes.Capture, PrefixedId.New("pay", clock),
            [new Posting(LedgerAccounts.Clearing, -1000), new Posting(LedgerAccounts.Fee, 100), new Posting(LedgerAccounts.Pending(owner), 900)], clock),
        stage, clock.GetUtcNow(), "job-etag");

    private List<SettlementJob> Jobs(int count) => Enumerable.Range(0, count).Select(i => Job($"acct_{i}")).ToList();

    /// <summary>Commits succeed, except the ones whose (0-based) number is listed, which conflict.</summary>
    private void Commits(params int[] conflicting)
    {
        var calls = 0;
        store.Setup(s => s.CommitAsync(It.IsAny<SettlementRun>(), It.IsAny<CancellationToken>()))
            .Returns<SettlementRun, CancellationToken>((run, _) =>
            {
                if (conflicting.Contains(calls++))
                {
                    conflicted.Add(run);
                    throw new ConcurrencyConflictException("moved");
                }
                committed.Add(run);
                return Task.FromResult<IReadOnlyList<Balance>>(run.Balances.Select(balance => balance with { Version = "written" }).ToList());
            });
    }

    private void Named(params SettlementJob[] jobs) =>
        store.Setup(s => s.ReadJobsAsync(Scope, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(jobs);

    private void Due(params IReadOnlyList<SettlementJob>[] reads)
    {
        var sequence = store.SetupSequence(s => s.ReadDueAsync(Scope, It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()));
        foreach (var read in reads) sequence = sequence.ReturnsAsync(read);
        sequence.ReturnsAsync([]);
    }

    private static int Rows(SettlementRun run, int createdAndEventRows) => 1 + run.Finished.Count + run.Deferred.Count + createdAndEventRows + run.Balances.Count;

    [Fact]
    public async Task Named_transactions_are_read_by_key_and_nothing_is_queried()
    {
        var job = Job("acct_a");
        Named(job);

        var settled = await Settle.RunAsync(Scope, [job.Transaction.Id], CancellationToken.None);

        Assert.Equal(1, settled);
        store.Verify(s => s.ReadJobsAsync(Scope, It.Is<IReadOnlyCollection<string>>(ids => ids.SequenceEqual(new[] { job.Transaction.Id })), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        store.Verify(s => s.ReadDueAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Without_names_it_drains_what_is_due_and_a_short_read_ends_the_drain()
    {
        Due(Jobs(3));

        var settled = await Settle.RunAsync(Scope, CancellationToken.None);

        Assert.Equal(3, settled);
        store.Verify(s => s.ReadDueAsync(Scope, It.IsAny<DateTimeOffset>(), options.MaxJobsPerRead, It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.ReadJobsAsync(It.IsAny<string>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_full_read_is_followed_by_another()
    {
        options.MaxJobsPerBatch = 2;
        options.MaxJobsPerRead = 2;
        Due(Jobs(2), Jobs(1));

        var settled = await Settle.RunAsync(Scope, CancellationToken.None);

        Assert.Equal(3, settled);
        store.Verify(s => s.ReadDueAsync(Scope, It.IsAny<DateTimeOffset>(), 2, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task No_batch_exceeds_the_row_budget_and_the_jobs_are_split_across_batches_each_once()
    {
        options.MaxJobsPerBatch = 50;
        options.MaxJobsPerRead = 60;
        var jobs = Jobs(60);
        Due(jobs);

        var settled = await Settle.RunAsync(Scope, CancellationToken.None);

        Assert.Equal(60, settled);
        Assert.True(committed.Count > 2, $"{committed.Count} batches");
        Assert.All(committed, run => Assert.InRange(Rows(run, run.Created.Count + run.Events.Count), 1, MaxBatchRows));
        Assert.Equal(jobs, committed.SelectMany(run => run.Finished));
    }

    [Fact]
    public async Task With_a_delay_an_applied_job_is_deferred_and_a_due_release_is_finished()
    {
        options.AvailableAfter = TimeSpan.FromDays(2);
        var apply = Job("acct_a");
        var release = Job("acct_b", SettlementStage.Release);
        Named(apply, release);

        await Settle.RunAsync(Scope, [apply.Transaction.Id, release.Transaction.Id], CancellationToken.None);

        var run = Assert.Single(committed);
        Assert.Equal((apply, clock.GetUtcNow() + options.AvailableAfter), Assert.Single(run.Deferred));
        Assert.Equal(release, Assert.Single(run.Finished));
        var created = Assert.Single(run.Created);
        Assert.Equal((LedgerTypes.Release, release.Transaction.Id), (created.Type, created.Reference));
        Assert.Equal(new[] { apply.Transaction, created }, run.Applied);
        Assert.Equal(EventTypes.PaymentSettled, Assert.Single(run.Events).Type);
    }

    [Fact]
    public async Task Without_a_delay_an_applied_job_is_released_in_the_same_run()
    {
        var apply = Job("acct_a");
        Named(apply);

        await Settle.RunAsync(Scope, [apply.Transaction.Id], CancellationToken.None);

        var run = Assert.Single(committed);
        Assert.Empty(run.Deferred);
        Assert.Equal(apply, Assert.Single(run.Finished));
        var created = Assert.Single(run.Created);
        Assert.Equal(new[] { apply.Transaction, created }, run.Applied);
        Assert.Contains(new Posting(LedgerAccounts.Available("acct_a"), 900), created.Postings);
        Assert.Equal(EventTypes.PaymentSettled, Assert.Single(run.Events).Type);
    }

    [Fact]
    public async Task Postings_are_summed_per_balance_so_the_fee_account_is_one_write_per_batch()
    {
        Due(Jobs(3));

        await Settle.RunAsync(Scope, CancellationToken.None);

        var run = Assert.Single(committed);
        Assert.Equal(300, Assert.Single(run.Balances, balance => balance.Key.Account == LedgerAccounts.Fee).Amount);
        Assert.Equal(-3000, Assert.Single(run.Balances, balance => balance.Key.Account == LedgerAccounts.Clearing).Amount);
        var read = Assert.Single(balanceReads);
        Assert.Equal(read.Distinct().Count(), read.Length);
    }

    [Fact]
    public async Task A_conflict_on_named_jobs_reads_what_is_still_due_and_settles_it()
    {
        var job = Job("acct_a");
        Named(job);
        Due([job]);
        Commits(conflicting: 0);

        var settled = await Settle.RunAsync(Scope, [job.Transaction.Id], CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.Single(conflicted);
        Assert.Equal(job, Assert.Single(Assert.Single(committed).Finished));
        store.Verify(s => s.ReadDueAsync(Scope, It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Balances_it_wrote_are_not_read_back_until_a_conflict_drops_them()
    {
        var settle = Settle;
        var first = Job("acct_a");
        var second = Job("acct_a");
        Commits(conflicting: 1);
        Named(first);
        await settle.RunAsync(Scope, [first.Transaction.Id], CancellationToken.None);
        Named(second);
        Due([second]);

        await settle.RunAsync(Scope, [second.Transaction.Id], CancellationToken.None);

        // Read for the first run, not for the second's first try (it knew them), read again after its conflict.
        Assert.Equal(2, balanceReads.Count);
        Assert.All(Assert.Single(conflicted).Balances, balance => Assert.Equal("written", balance.Version));
        Assert.All(committed[^1].Balances, balance => Assert.Equal("read", balance.Version));
    }

    [Fact]
    public async Task Conflicts_on_every_read_end_in_a_conflict_for_the_request_to_come_back()
    {
        Due(Enumerable.Repeat<IReadOnlyList<SettlementJob>>([Job("acct_a")], 20).ToArray());
        Commits(Enumerable.Range(0, 20).ToArray());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Settle.RunAsync(Scope, CancellationToken.None));

        Assert.Equal(8, conflicted.Count);
        Assert.Empty(committed);
    }
}
