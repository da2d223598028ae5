using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Payouts;

public sealed class PayScheduledPayoutsTests
{
    private const string Scope = "mer_1:test";
    private static readonly Currency Eur = Currency.TryParse("eur", out var eur) ? eur : throw new InvalidOperationException();
    private static readonly DateTimeOffset Midnight = new(2030, 1, 3, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Midnight.AddSeconds(30));
    private readonly Mock<IPayoutDueIndex> index = new();
    private readonly Mock<IAccountStore> accounts = new();
    private readonly Mock<IPayoutStore> store = new();
    private readonly Mock<ILedgerReader> ledger = new();
    private readonly Mock<IPayoutChecks> checks = new();
    private readonly List<string> steps = [];
    private readonly List<PayoutChange> writes = [];
    private readonly List<string> logs = [];
    private readonly List<LedgerTransaction> recent = [];
    private readonly ScheduledPayoutDue due;
    private ConnectedAccount account;
    private string? paidBy;

    public PayScheduledPayoutsTests()
    {
        var germany = Country.TryParse("DE", out var de) ? de : throw new InvalidOperationException();
        account = new ConnectedAccount(PrefixedId.New("acct", clock), Scope, "Driver", "d@example.com", germany, Eur, Mode.Test, Midnight.AddDays(-10),
            new PayoutDestination(germany, Eur, "6789", "v1", [1, 2, 3])) { PayoutSchedule = new PayoutSchedule(PayoutInterval.Daily), Onboarding = EmbeddedFinance.Core.Onboarding.Onboarding.New with { Status = EmbeddedFinance.Core.Onboarding.VerificationStatus.Verified } };
        due = new ScheduledPayoutDue(Scope, account.Id, Midnight);
        index.Setup(i => i.DueAsync(clock.GetUtcNow(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => [due]);
        index.Setup(i => i.PutAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((row, _) => steps.Add($"put {row.DueAt:yyyy-MM-dd}")).Returns(Task.CompletedTask);
        index.Setup(i => i.RemoveAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((row, _) => steps.Add($"remove {row.DueAt:yyyy-MM-dd}")).Returns(Task.CompletedTask);
        accounts.Setup(a => a.GetAsync(Scope, account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => account);
        store.Setup(s => s.PaidForPeriodAsync(Scope, account.Id, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => paidBy);
        store.Setup(s => s.CreateAsync(It.IsAny<PayoutChange>(), It.IsAny<CancellationToken>()))
            .Callback<PayoutChange, CancellationToken>((change, _) => { steps.Add("payout"); writes.Add(change); }).Returns(Task.CompletedTask);
        ledger.Setup(l => l.TransactionsAsync(Scope, It.IsAny<PageRequest>(), account.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Page<LedgerTransaction>(recent, false));
        Available(5_000);
    }

    private PayScheduledPayouts UseCase
    {
        get
        {
            var create = new CreatePayout(store.Object, ledger.Object, accounts.Object, checks.Object, Options.Create(new PayoutOptions()), Options.Create(new RecoveryOptions()),
                clock, NullLogger<CreatePayout>.Instance);
            return new PayScheduledPayouts(index.Object, accounts.Object, store.Object, ledger.Object, new RecentEarnings(ledger.Object, clock), create, clock, new ListLogger(logs));
        }
    }

    private void Available(long amount) =>
        ledger.Setup(l => l.BalancesOfAsync(Scope, It.IsAny<IEnumerable<BalanceKey>>(), It.IsAny<CancellationToken>()))
            .Returns<string, IEnumerable<BalanceKey>, CancellationToken>((_, keys, _) => Task.FromResult<IReadOnlyDictionary<BalanceKey, Balance>>(keys.ToDictionary(key => key,
                key => key.Account == LedgerAccounts.Available(account.Id) ? new Balance(key, amount, "v1") : Balance.Empty(key))));

    [Fact]
    public async Task A_due_daily_account_is_paid_its_available_balance_for_the_day_then_moves_to_the_next_midnight()
    {
        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(1, made);
        var payout = Assert.Single(writes).Payout;
        Assert.Equal((5_000L, "2030-01-03", true, PayoutMethod.Standard), (payout.Amount, payout.Period, payout.Automatic, payout.Method));
        Assert.True(PayoutView.From(payout).Automatic);
        Assert.Equal(["payout", "put 2030-01-04", "remove 2030-01-03"], steps);
    }

    [Fact]
    public async Task A_period_already_paid_is_not_paid_again_and_the_row_still_moves_on()
    {
        paidBy = "po_earlier";

        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Empty(writes);
        Assert.Equal(["put 2030-01-04", "remove 2030-01-03"], steps);
        Assert.Contains(logs, line => line.Contains("already paid by po_earlier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_racer_that_paid_the_period_first_turns_the_conflict_into_a_skip()
    {
        var conflicts = 0;
        store.Setup(s => s.CreateAsync(It.IsAny<PayoutChange>(), It.IsAny<CancellationToken>()))
            .Callback<PayoutChange, CancellationToken>((change, _) =>
            {
                writes.Add(change);
                if (conflicts++ == 0)
                {
                    paidBy = "po_racer";
                    throw new ConcurrencyConflictException("the period marker exists");
                }
            })
            .Returns(Task.CompletedTask);

        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Single(writes);
        Assert.Contains(logs, line => line.Contains("state_invalid", StringComparison.Ordinal) && line.Contains("po_racer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "nothing is available")]
    [InlineData(-700, "the balance is negative")]
    public async Task An_account_with_nothing_to_pay_is_skipped_with_a_log_line_saying_why(long available, string reason)
    {
        Available(available);

        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Empty(writes);
        Assert.Contains(logs, line => line.Contains(account.Id, StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(["put 2030-01-04", "remove 2030-01-03"], steps);
    }

    [Fact]
    public async Task Delay_days_hold_back_what_settlement_released_within_them_counting_credits_only()
    {
        account = account with { PayoutSchedule = new PayoutSchedule(PayoutInterval.Daily, DelayDays: 2) };
        var available = LedgerAccounts.Available(account.Id);
        var pending = LedgerAccounts.Pending(account.Id);
        recent.Add(LedgerTransaction.Restore("ltx_1", Scope, Eur, LedgerTypes.Release, "pay_1", [new Posting(pending, -1_200), new Posting(available, 1_200)], Midnight));
        recent.Add(LedgerTransaction.Restore("ltx_2", Scope, Eur, LedgerTypes.Release, "re_1", [new Posting(pending, 300), new Posting(available, -300)], Midnight));
        recent.Add(LedgerTransaction.Restore("ltx_3", Scope, Eur, LedgerTypes.PayoutFailed, "po_1", [new Posting(LedgerAccounts.InTransit(account.Id), -900), new Posting(available, 900)], Midnight));

        await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(5_000 - 1_200, Assert.Single(writes).Payout.Amount);
        ledger.Verify(l => l.TransactionsAsync(Scope, It.Is<PageRequest>(page => page.StartingAfter == PrefixedId.Earliest("ltx", clock.GetUtcNow().AddDays(-2))), account.Id, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task An_account_whose_available_balance_is_all_recent_earnings_is_skipped()
    {
        account = account with { PayoutSchedule = new PayoutSchedule(PayoutInterval.Daily, DelayDays: 7) };
        recent.Add(LedgerTransaction.Restore("ltx_1", Scope, Eur, LedgerTypes.Release, "pay_1",
            [new Posting(LedgerAccounts.Pending(account.Id), -6_000), new Posting(LedgerAccounts.Available(account.Id), 6_000)], Midnight));

        await UseCase.RunAsync(CancellationToken.None);

        Assert.Empty(writes);
        Assert.Contains(logs, line => line.Contains("held back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_that_is_no_longer_a_due_time_of_the_schedule_is_dropped_without_paying()
    {
        account = account with { PayoutSchedule = PayoutSchedule.Manual };

        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Empty(writes);
        Assert.Equal(["remove 2030-01-03"], steps);
    }

    [Fact]
    public async Task A_failing_account_keeps_its_row_for_the_next_run()
    {
        accounts.Setup(a => a.GetAsync(Scope, account.Id, It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("storage down"));

        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Empty(steps);
    }

    [Fact]
    public async Task A_full_page_is_followed_by_the_next_and_rows_that_failed_are_read_past()
    {
        var others = Enumerable.Range(0, 150).Select(i => new ScheduledPayoutDue(Scope, $"acct_other{i:D3}", Midnight)).ToList();
        var index = new List<ScheduledPayoutDue>([due, .. others]);
        var asked = new List<int>();
        this.index.Setup(i => i.DueAsync(clock.GetUtcNow(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset _, int max, CancellationToken _) =>
            {
                asked.Add(max);
                return index.Take(max).ToList();
            });
        this.index.Setup(i => i.RemoveAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((row, _) => index.Remove(row)).Returns(Task.CompletedTask);
        accounts.Setup(a => a.GetAsync(Scope, account.Id, It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("storage down"));

        var made = await UseCase.RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Equal([due], index);
        Assert.Equal([100, 101], asked);
    }

    private sealed class ListLogger(List<string> lines) : ILogger<PayScheduledPayouts>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(formatter(state, exception));
    }
}
