using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Disputes;

/// <summary>
/// The payout use cases themselves (CreatePayout, PayScheduledPayouts with RecentEarnings, CompletePayout) for
/// <see cref="LedgerSequenceProperties"/>, over Moq ports that read and write the property's own balances and
/// transactions: what a payout commits is applied at once, as its batch is. Every commit is checked against the
/// balance it was decided on: a payout never reserves more than was available at the time, a period is paid at
/// most once, and a failed payout returns its amount and fee to available.
/// </summary>
internal sealed class SequencePayouts
{
    public const string Scope = "mer_1:test";

    private readonly Dictionary<BalanceKey, Balance> balances;
    private readonly List<LedgerTransaction> applied;
    private readonly FakeTimeProvider clock;
    private readonly Currency currency;
    private readonly List<ScheduledPayoutDue> due = [];
    private readonly Dictionary<(string Account, string Period), string> periods = [];
    private readonly Dictionary<string, ConnectedAccount> accounts;
    private readonly CreatePayout create;
    private readonly PayScheduledPayouts schedule;
    private readonly CompletePayout complete;
    private ScheduledPayoutDue? lastRemoved;

    public SequencePayouts(Dictionary<BalanceKey, Balance> balances, List<LedgerTransaction> applied, FakeTimeProvider clock, Currency currency, IReadOnlyList<string> owners)
    {
        this.balances = balances;
        this.applied = applied;
        this.clock = clock;
        this.currency = currency;
        var us = Country.TryParse("US", out var country) ? country : throw new InvalidOperationException();
        // The first owner is paid daily, the second daily holding back a day's earnings, the rest only on request.
        PayoutSchedule[] schedules = [new(PayoutInterval.Daily), new(PayoutInterval.Daily, DelayDays: 1)];
        accounts = owners.Select((owner, i) => new ConnectedAccount(owner, Scope, "Driver", "d@example.com", us, currency, Mode.Test, clock.GetUtcNow(),
            new PayoutDestination(us, currency, "6789", "v1", [1, 2, 3])) { PayoutSchedule = i < schedules.Length ? schedules[i] : PayoutSchedule.Manual, Onboarding = EmbeddedFinance.Core.Onboarding.Onboarding.New with { Status = EmbeddedFinance.Core.Onboarding.VerificationStatus.Verified } })
            .ToDictionary(account => account.Id);
        foreach (var account in accounts.Values.Where(a => a.PayoutSchedule.Interval != PayoutInterval.Manual))
        {
            due.Add(new ScheduledPayoutDue(Scope, account.Id, account.PayoutSchedule.NextDueAfter(clock.GetUtcNow())!.Value));
        }

        var accountStore = new Mock<IAccountStore>();
        accountStore.Setup(a => a.GetAsync(Scope, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, CancellationToken>((_, id, _) => Task.FromResult(accounts.GetValueOrDefault(id)));
        var ledger = new Mock<ILedgerReader>();
        ledger.Setup(l => l.BalancesOfAsync(Scope, It.IsAny<IEnumerable<BalanceKey>>(), It.IsAny<CancellationToken>()))
            .Returns<string, IEnumerable<BalanceKey>, CancellationToken>((_, keys, _) =>
                Task.FromResult<IReadOnlyDictionary<BalanceKey, Balance>>(keys.Distinct().ToDictionary(key => key, key => balances.GetValueOrDefault(key) ?? Balance.Empty(key))));
        ledger.Setup(l => l.TransactionsAsync(Scope, It.IsAny<PageRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns<string, PageRequest, string?, CancellationToken>((_, page, owner, _) => Task.FromResult(new Page<LedgerTransaction>(applied
                .Where(t => string.CompareOrdinal(t.Id, page.StartingAfter) > 0 && (owner is null || t.Postings.Any(p => p.Account.StartsWith(owner + ":", StringComparison.Ordinal))))
                .OrderBy(t => t.Id, StringComparer.Ordinal).ToList(), false)));
        var store = new Mock<IPayoutStore>();
        store.Setup(s => s.GetAsync(Scope, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, CancellationToken>((_, id, _) => Task.FromResult(Made.GetValueOrDefault(id)));
        store.Setup(s => s.PaidForPeriodAsync(Scope, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, string, CancellationToken>((_, account, period, _) => Task.FromResult(periods.GetValueOrDefault((account, period))));
        store.Setup(s => s.CreateAsync(It.IsAny<PayoutChange>(), It.IsAny<CancellationToken>()))
            .Callback<PayoutChange, CancellationToken>((change, _) => Created(change)).Returns(Task.CompletedTask);
        store.Setup(s => s.UpdateAsync(It.IsAny<PayoutChange>(), It.IsAny<CancellationToken>()))
            .Callback<PayoutChange, CancellationToken>((change, _) => Updated(change)).Returns(Task.CompletedTask);
        var index = new Mock<IPayoutDueIndex>();
        index.Setup(i => i.DueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns<DateTimeOffset, int, CancellationToken>((now, max, _) =>
                Task.FromResult<IReadOnlyList<ScheduledPayoutDue>>(due.Where(row => row.DueAt <= now).OrderBy(row => row.DueAt).Take(max).ToList()));
        index.Setup(i => i.PutAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((row, _) => { if (!due.Contains(row)) due.Add(row); }).Returns(Task.CompletedTask);
        index.Setup(i => i.RemoveAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((row, _) => { due.Remove(row); lastRemoved = row; }).Returns(Task.CompletedTask);

        var options = new PayoutOptions { InstantFeeBasisPoints = 100, InstantFeeMinimum = 50, InstantMaxAmount = 100_000 };
        create = new CreatePayout(store.Object, ledger.Object, accountStore.Object, Mock.Of<IPayoutChecks>(), Options.Create(options), Options.Create(new RecoveryOptions()),
            clock, NullLogger<CreatePayout>.Instance);
        schedule = new PayScheduledPayouts(index.Object, accountStore.Object, store.Object, ledger.Object, new RecentEarnings(ledger.Object, clock), create,
            clock, NullLogger<PayScheduledPayouts>.Instance);
        complete = new CompletePayout(store.Object, ledger.Object, clock, NullLogger<CompletePayout>.Instance);
    }

    /// <summary>Every payout made, by id, as it is now.</summary>
    public Dictionary<string, Payout> Made { get; } = [];

    /// <summary>What broke a payout rule, in words; empty while none did.</summary>
    public List<string> Violations { get; } = [];

    public long Available(string owner) => balances.GetValueOrDefault(new BalanceKey(LedgerAccounts.Available(owner), currency))?.Amount ?? 0;

    /// <summary>POST /v1/payouts: an amount chosen up to twice what is available, so that many are refused.</summary>
    public void PayManually(string owner, int pick, bool instant)
    {
        var amount = Math.Min(1 + pick % (2 * Math.Max(Available(owner), 0) + 100), Money.MaxAmount);
        var caller = new Caller.Merchant(MerchantScope.MerchantOf(Scope), "key_1", ApiKeyKind.Secret, Mode.Test);
        var command = new CreatePayoutCommand(owner, new Money(amount, currency), instant ? PayoutMethod.Instant : PayoutMethod.Standard, null);
        create.HandleAsync(caller, command, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The schedule's timer: at the next midnight or again within the day; with <paramref name="replay"/> the row it
    /// last removed comes back first, as after a restart between writing the next row and removing the old one.
    /// </summary>
    public void RunSchedule(bool nextMidnight, bool replay)
    {
        if (nextMidnight) clock.Advance(new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero).AddSeconds(30) - clock.GetUtcNow());
        if (replay && lastRemoved is not null && !due.Contains(lastRemoved)) due.Add(lastRemoved);
        schedule.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The rail's report on one open payout: paid, or failed (its money comes back).</summary>
    public void Report(int pick, bool paid)
    {
        var open = Made.Values.Where(payout => payout.IsOpen).OrderBy(payout => payout.Id, StringComparer.Ordinal).ToList();
        if (open.Count == 0) return;
        var payout = open[pick % open.Count];
        complete.HandleAsync(new PayoutRailReport(Scope, payout.Id, paid, paid ? null : "account_closed", null), CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>In transit is exactly what open payouts carry, paid out exactly what paid ones did; no rule was broken.</summary>
    public bool Holds()
    {
        long Of(string account) => balances.GetValueOrDefault(new BalanceKey(account, currency))?.Amount ?? 0;
        var inTransit = accounts.Keys.All(owner => Of(LedgerAccounts.InTransit(owner)) == Made.Values.Where(p => p.Account == owner && p.IsOpen).Sum(p => p.Amount));
        var paidOut = Of(LedgerAccounts.PaidOut) == Made.Values.Where(p => p.Status == PayoutStatus.Paid).Sum(p => p.Amount);
        return inTransit && paidOut && Violations.Count == 0;
    }

    private void Created(PayoutChange change)
    {
        var payout = change.Payout;
        var before = Available(payout.Account);
        if (payout.Amount + payout.Fee > before) Violations.Add($"{payout.Id} reserved {payout.Amount} + {payout.Fee} of an available {before}");
        if (payout.Period is not null && !periods.TryAdd((payout.Account, payout.Period), payout.Id)) Violations.Add($"{payout.Account} was paid twice for {payout.Period}");
        if (Made.ContainsKey(payout.Id)) Violations.Add($"{payout.Id} was created twice");
        Made[payout.Id] = payout;
        Apply(change);
    }

    private void Updated(PayoutChange change)
    {
        var payout = change.Payout;
        if (Made.GetValueOrDefault(payout.Id) is not { IsOpen: true }) Violations.Add($"{payout.Id} finished twice");
        var before = Available(payout.Account);
        Made[payout.Id] = payout;
        Apply(change);
        var returned = payout.Status == PayoutStatus.Failed ? payout.Amount + payout.Fee : 0;
        if (Available(payout.Account) - before != returned) Violations.Add($"{payout.Id} ({payout.Status}) changed available by {Available(payout.Account) - before}, not {returned}");
    }

    private void Apply(PayoutChange change)
    {
        foreach (var balance in change.Balances) balances[balance.Key] = balance;
        applied.Add(change.Ledger!);
    }
}
