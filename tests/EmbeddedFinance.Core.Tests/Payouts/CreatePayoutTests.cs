using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Payouts;

public sealed class CreatePayoutTests
{
    private static readonly Caller.Merchant Shop = new("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);
    private static readonly Currency Eur = Currency.TryParse("eur", out var eur) ? eur : throw new InvalidOperationException();
    private static readonly Currency Usd = Currency.TryParse("usd", out var usd) ? usd : throw new InvalidOperationException();

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly PayoutOptions options = new() { InstantFeeBasisPoints = 100, InstantFeeMinimum = 50, InstantMaxAmount = 100_000 };
    private readonly RecoveryOptions recovery = new();
    private readonly Mock<IPayoutStore> store = new();
    private readonly Mock<ILedgerReader> ledger = new();
    private readonly Mock<IAccountStore> accounts = new();
    private readonly Mock<IPayoutChecks> checks = new();
    private readonly List<string> steps = [];
    private readonly List<PayoutChange> writes = [];
    private readonly ConnectedAccount account;

    public CreatePayoutTests()
    {
        var germany = Country.TryParse("DE", out var de) ? de : throw new InvalidOperationException();
        account = new ConnectedAccount(PrefixedId.New("acct", clock), Shop.Scope, "Driver", "d@example.com", germany, Eur, Mode.Test, clock.GetUtcNow(),
            new PayoutDestination(germany, Eur, "6789", "v1", [1, 2, 3])) { Onboarding = EmbeddedFinance.Core.Onboarding.Onboarding.New with { Status = EmbeddedFinance.Core.Onboarding.VerificationStatus.Verified } };
        accounts.Setup(a => a.GetAsync(Shop.Scope, account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(account);
        Available(5_000);
        checks.Setup(c => c.ScheduleAsync(It.IsAny<PayoutCheck>(), It.IsAny<CancellationToken>()))
            .Callback(() => steps.Add("check")).Returns(Task.CompletedTask);
        WritesConflict(times: 0);
    }

    private CreatePayout UseCase => new(store.Object, ledger.Object, accounts.Object, checks.Object, Options.Create(options), Options.Create(recovery),
        clock, NullLogger<CreatePayout>.Instance);

    private Task<Result<StoredResponse>> Run(long amount, PayoutMethod method = PayoutMethod.Standard, Currency? currency = null, string? accountId = null, IdempotencyLease? lease = null) =>
        UseCase.HandleAsync(Shop, new CreatePayoutCommand(accountId ?? account.Id, new Money(amount, currency ?? Eur), method, null), lease, CancellationToken.None);

    /// <summary>The available balance each read finds, in turn (the last one stays); every other balance is empty.</summary>
    private void Available(params long[] amounts)
    {
        var reads = 0;
        ledger.Setup(l => l.BalancesOfAsync(Shop.Scope, It.IsAny<IEnumerable<BalanceKey>>(), It.IsAny<CancellationToken>()))
            .Returns<string, IEnumerable<BalanceKey>, CancellationToken>((_, keys, _) =>
            {
                var available = amounts[Math.Min(reads++, amounts.Length - 1)];
                return Task.FromResult<IReadOnlyDictionary<BalanceKey, Balance>>(keys.ToDictionary(key => key,
                    key => key.Account == LedgerAccounts.Available(account.Id) ? new Balance(key, available, $"read{reads}") : Balance.Empty(key)));
            });
    }

    private void WritesConflict(int times)
    {
        var conflicts = 0;
        store.Setup(s => s.CreateAsync(It.IsAny<PayoutChange>(), It.IsAny<CancellationToken>()))
            .Callback<PayoutChange, CancellationToken>((change, _) =>
            {
                steps.Add("write");
                writes.Add(change);
                if (conflicts++ < times) throw new ConcurrencyConflictException("balance moved");
            })
            .Returns(Task.CompletedTask);
    }

    private void NothingReserved()
    {
        Assert.Empty(writes);
        checks.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_account_not_in_the_scope_is_resource_missing_on_account()
    {
        var result = await Run(100, accountId: PrefixedId.New("acct", clock));

        Assert.Equal((404, "resource_missing", "account"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingReserved();
    }

    [Fact]
    public async Task An_account_without_a_payout_destination_is_an_invalid_request()
    {
        accounts.Setup(a => a.GetAsync(Shop.Scope, account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(account with { PayoutDestination = null });

        var result = await Run(100);

        Assert.Equal((400, "invalid_request", "account"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingReserved();
    }

    [Fact]
    public async Task A_currency_the_destination_does_not_receive_is_invalid()
    {
        var result = await Run(100, currency: Usd);

        Assert.Equal((400, "parameter_invalid", "currency"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingReserved();
    }

    [Fact]
    public async Task An_account_whose_identity_is_not_verified_is_account_not_verified_and_nothing_is_reserved()
    {
        var unverified = account with { Onboarding = EmbeddedFinance.Core.Onboarding.Onboarding.New };
        accounts.Setup(a => a.GetAsync(Shop.Scope, account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(unverified);

        var result = await Run(100);

        Assert.Equal((400, "account_not_verified", "account"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingReserved();
    }

    [Fact]
    public async Task An_instant_payout_above_the_instant_maximum_is_amount_invalid()
    {
        Available(1_000_000);

        var result = await Run(options.InstantMaxAmount + 1, PayoutMethod.Instant);

        Assert.Equal((400, "amount_invalid", "amount"), (result.Error?.Status, result.Error?.Code, result.Error?.Param));
        NothingReserved();
    }

    [Theory]
    [InlineData(PayoutMethod.Standard, 1_000, 999)]
    [InlineData(PayoutMethod.Instant, 1_000, 1_049)]
    public async Task Less_available_than_amount_plus_fee_is_balance_insufficient_and_reserves_nothing(PayoutMethod method, long amount, long available)
    {
        Available(available);

        var result = await Run(amount, method);

        Assert.Equal((402, "balance_insufficient"), (result.Error?.Status, result.Error?.Code));
        NothingReserved();
    }

    [Theory]
    [InlineData(PayoutMethod.Standard, 1_000, 1_000)]
    [InlineData(PayoutMethod.Instant, 1_000, 1_050)]
    public async Task Exactly_amount_plus_fee_available_is_enough(PayoutMethod method, long amount, long available)
    {
        Available(available);

        var result = await Run(amount, method);

        Assert.Equal(201, result.Value?.Status);
        Assert.Equal(0, Assert.Single(writes).Balances.Single(b => b.Key.Account == LedgerAccounts.Available(account.Id)).Amount);
    }

    [Fact]
    public async Task An_instant_payout_moves_amount_and_fee_out_of_available_into_in_transit_and_fee_in_one_change()
    {
        var result = await Run(1_000, PayoutMethod.Instant);

        var change = Assert.Single(writes);
        Assert.Equal(201, result.Value?.Status);
        Assert.Equal((PayoutStatus.Pending, 1_000L, 50L), (change.Payout.Status, change.Payout.Amount, change.Payout.Fee));
        Assert.Equal((LedgerTypes.Payout, change.Payout.Id), (change.Ledger?.Type, change.Ledger?.Reference));
        var balances = change.Balances.ToDictionary(b => b.Key.Account);
        Assert.Equal((3_950L, "read1"), (balances[LedgerAccounts.Available(account.Id)].Amount, balances[LedgerAccounts.Available(account.Id)].Version));
        Assert.Equal(1_000, balances[LedgerAccounts.InTransit(account.Id)].Amount);
        Assert.Equal(50, balances[LedgerAccounts.Fee].Amount);
        Assert.Equal(EventTypes.PayoutCreated, change.Event?.Type);
    }

    [Fact]
    public async Task After_a_conflict_it_reads_the_balance_again_and_keeps_one_payout_id_and_one_check_scheduled_before_any_write()
    {
        Available(5_000, 4_000);
        WritesConflict(times: 1);

        var result = await Run(1_000);

        Assert.Equal(201, result.Value?.Status);
        Assert.Equal(["check", "write", "write"], steps);
        Assert.Equal(writes[0].Payout.Id, writes[1].Payout.Id);
        checks.Verify(c => c.ScheduleAsync(It.Is<PayoutCheck>(check => check.PayoutId == writes[0].Payout.Id && check.DueAt == clock.GetUtcNow() + recovery.StuckPayoutAfter), It.IsAny<CancellationToken>()));
        Assert.Equal(3_000, writes[1].Balances.Single(b => b.Key.Account == LedgerAccounts.Available(account.Id)).Amount);
    }

    [Fact]
    public async Task A_balance_taken_by_a_racing_payout_ends_insufficient_on_the_re_read()
    {
        Available(1_000, 500);
        WritesConflict(times: 1);

        var result = await Run(1_000);

        Assert.Equal((402, "balance_insufficient"), (result.Error?.Status, result.Error?.Code));
        Assert.Single(writes);
    }

    [Fact]
    public async Task A_lease_is_completed_with_the_response_in_the_payouts_own_change()
    {
        var lease = new IdempotencyLease(Shop.Scope, "k", "fp", "etag", clock.GetUtcNow());

        var result = await Run(1_000, lease: lease);

        var completion = Assert.Single(writes).Completion;
        Assert.Same(lease, completion?.Lease);
        Assert.Equal(result.Value, completion?.Response);
    }

    [Fact]
    public async Task A_payout_for_a_schedule_period_carries_the_period_and_is_automatic()
    {
        var result = await UseCase.HandleAsync(Shop, new CreatePayoutCommand(account.Id, new Money(1_000, Eur), PayoutMethod.Standard, null, "2030-01-02"), null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var payout = Assert.Single(writes).Payout;
        Assert.Equal(("2030-01-02", true), (payout.Period, payout.Automatic));
    }

    [Fact]
    public async Task A_schedule_period_already_paid_is_state_invalid_naming_its_payout_and_writes_nothing()
    {
        store.Setup(s => s.PaidForPeriodAsync(Shop.Scope, account.Id, "2030-01-02", It.IsAny<CancellationToken>())).ReturnsAsync("po_first");

        var result = await UseCase.HandleAsync(Shop, new CreatePayoutCommand(account.Id, new Money(1_000, Eur), PayoutMethod.Standard, null, "2030-01-02"), null, CancellationToken.None);

        Assert.Equal((409, "state_invalid"), (result.Error?.Status, result.Error?.Code));
        Assert.Contains("po_first", result.Error!.Detail, StringComparison.Ordinal);
        NothingReserved();
    }

    [Fact]
    public async Task A_payout_through_the_api_is_not_automatic_and_never_reads_a_period()
    {
        await Run(1_000);

        Assert.False(Assert.Single(writes).Payout.Automatic);
        store.Verify(s => s.PaidForPeriodAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
