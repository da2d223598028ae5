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

public sealed class NegativeBalanceTests
{
    private const string Scope = "mer_1:test";
    private const string Driver = "acct_driver";
    private static readonly Currency Eur = Currency.TryParse("eur", out var eur) ? eur : throw new InvalidOperationException();
    private static readonly BalanceKey Available = new(LedgerAccounts.Available(Driver), Eur);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<ISettlementStore> store = new();
    private readonly Mock<ILedgerReader> ledger = new();
    private readonly Dictionary<BalanceKey, long> balances = [];
    private readonly List<SettlementRun> committed = [];

    public NegativeBalanceTests()
    {
        store.Setup(s => s.RowsToWrite(It.IsAny<IEnumerable<LedgerTransaction>>(), It.IsAny<int>()))
            .Returns<IEnumerable<LedgerTransaction>, int>((created, events) => created.Count() + events);
        ledger.Setup(l => l.BalancesOfAsync(Scope, It.IsAny<IEnumerable<BalanceKey>>(), It.IsAny<CancellationToken>()))
            .Returns<string, IEnumerable<BalanceKey>, CancellationToken>((_, keys, _) =>
                Task.FromResult<IReadOnlyDictionary<BalanceKey, Balance>>(keys.ToDictionary(key => key, key => new Balance(key, balances.GetValueOrDefault(key), "read"))));
        store.Setup(s => s.CommitAsync(It.IsAny<SettlementRun>(), It.IsAny<CancellationToken>()))
            .Returns<SettlementRun, CancellationToken>((run, _) =>
            {
                committed.Add(run);
                foreach (var balance in run.Balances) balances[balance.Key] = balance.Amount;
                return Task.FromResult<IReadOnlyList<Balance>>(run.Balances.Select(balance => balance with { Version = "written" }).ToList());
            });
    }

    private SettleScope Settle => new(store.Object, ledger.Object, Options.Create(new SettlementOptions()), clock, NullLogger<SettleScope>.Instance);

    /// <summary>Settles one payment capture (positive) or refund (negative) of the driver's share, released at once.</summary>
    private async Task<SettlementRun> SettleAsync(long driverShare)
    {
        var job = new SettlementJob(
            LedgerTransaction.Create(Scope, Eur, driverShare > 0 ? LedgerTypes.Capture : LedgerTypes.Refund, PrefixedId.New("pay", clock),
                [new Posting(LedgerAccounts.Clearing, -driverShare), new Posting(LedgerAccounts.Pending(Driver), driverShare)], clock),
            SettlementStage.Apply, clock.GetUtcNow(), "job-etag");
        store.Setup(s => s.ReadJobsAsync(Scope, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync([job]);
        await Settle.RunAsync(Scope, [job.Transaction.Id], CancellationToken.None);
        return committed[^1];
    }

    private static IEnumerable<PlatformEvent> NegativeEvents(SettlementRun run) => run.Events.Where(e => e.Type == EventTypes.AccountBalanceNegative);

    [Fact]
    public async Task A_refund_after_a_payout_takes_available_below_zero_with_one_event_in_the_same_run()
    {
        balances[Available] = 200;    // what is left after a payout

        var run = await SettleAsync(-500);

        Assert.Equal(-300, balances[Available]);
        var negative = Assert.Single(NegativeEvents(run));
        Assert.Contains("\"account\":\"acct_driver\"", negative.ObjectJson);
        Assert.Contains("\"available\":-300", negative.ObjectJson);
        Assert.Equal([new BalanceCrossing(Available, -300, Negative: true)], run.Crossings);
    }

    [Fact]
    public async Task Going_further_below_zero_emits_nothing_more()
    {
        balances[Available] = -300;

        var run = await SettleAsync(-100);

        Assert.Equal(-400, balances[Available]);
        Assert.Empty(NegativeEvents(run));
        Assert.Empty(run.Crossings);
    }

    [Fact]
    public async Task New_earnings_repay_the_debt_first_and_a_later_crossing_emits_again()
    {
        balances[Available] = -300;

        var partly = await SettleAsync(200);
        var recovered = await SettleAsync(150);
        var again = await SettleAsync(-100);

        Assert.Equal(-50, balances[Available]);
        Assert.Empty(partly.Crossings);
        Assert.Equal([new BalanceCrossing(Available, 50, Negative: false)], recovered.Crossings);
        Assert.Empty(NegativeEvents(recovered));
        Assert.Single(NegativeEvents(again));
    }

    [Fact]
    public async Task Reaching_exactly_zero_is_not_negative()
    {
        balances[Available] = 100;

        var run = await SettleAsync(-100);

        Assert.Equal(0, balances[Available]);
        Assert.Empty(run.Crossings);
    }
}
