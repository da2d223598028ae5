using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Accounts;

public sealed class ConnectedAccountsTests
{
    private static readonly Caller.Merchant Shop = new("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)); // a Tuesday
    private readonly Mock<IAccountStore> store = new();
    private readonly Mock<IPayoutDueIndex> index = new();
    private readonly List<string> steps = [];
    private readonly ConnectedAccount account;

    public ConnectedAccountsTests()
    {
        var us = Country.TryParse("US", out var country) ? country : throw new InvalidOperationException();
        var usd = Currency.TryParse("usd", out var currency) ? currency : throw new InvalidOperationException();
        account = new ConnectedAccount(PrefixedId.New("acct", clock), Shop.Scope, "Driver", "d@example.com", us, usd, Mode.Test, clock.GetUtcNow())
        {
            PayoutSchedule = new PayoutSchedule(PayoutInterval.Daily),
            Version = "v1",
        };
        store.Setup(s => s.GetAsync(Shop.Scope, account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(account);
        store.Setup(s => s.UpdateAsync(It.IsAny<ConnectedAccount>(), It.IsAny<PlatformEvent>(), It.IsAny<IdempotencyCompletion?>(), It.IsAny<CancellationToken>()))
            .Callback(() => steps.Add("commit")).Returns(Task.CompletedTask);
        index.Setup(i => i.PutAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((due, _) => steps.Add($"put {due.DueAt:yyyy-MM-dd}")).Returns(Task.CompletedTask);
        index.Setup(i => i.RemoveAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>()))
            .Callback<ScheduledPayoutDue, CancellationToken>((due, _) => steps.Add($"remove {due.DueAt:yyyy-MM-dd}")).Returns(Task.CompletedTask);
    }

    private ConnectedAccounts UseCase => new(store.Object, new BankAccountSealer(new DataKeys(Mock.Of<ISecretStore>())), new Core.Onboarding.IdentitySubmission(new Core.Onboarding.IdentitySealer(new DataKeys(Mock.Of<ISecretStore>())), clock), index.Object, clock, NullLogger<ConnectedAccounts>.Instance);

    private Task<Api.Result<Api.StoredResponse>> Update(PayoutSchedule schedule) =>
        UseCase.UpdateAsync(Shop, account.Id, new UpdateAccountCommand(schedule, null), null, CancellationToken.None);

    [Fact]
    public async Task A_new_schedule_is_indexed_before_the_commit_and_the_old_row_removed_after_it()
    {
        var result = await Update(new PayoutSchedule(PayoutInterval.Weekly, DayOfWeek.Friday));

        Assert.Equal(200, result.Value?.Status);
        Assert.Equal(["put 2026-12-04", "commit", "remove 2026-12-02"], steps);
        store.Verify(s => s.UpdateAsync(It.Is<ConnectedAccount>(a => a.PayoutSchedule.WeeklyAnchor == DayOfWeek.Friday && a.Version == "v1"),
            It.Is<PlatformEvent>(e => e.Type == EventTypes.AccountUpdated), null, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Going_manual_only_removes_the_row()
    {
        await Update(PayoutSchedule.Manual);

        Assert.Equal(["commit", "remove 2026-12-02"], steps);
    }

    [Fact]
    public async Task An_old_row_that_cannot_be_removed_leaves_the_update_standing()
    {
        index.Setup(i => i.RemoveAsync(It.IsAny<ScheduledPayoutDue>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("work table down"));

        var result = await Update(PayoutSchedule.Manual);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task An_account_changed_meanwhile_is_read_again_and_written_once()
    {
        var conflicts = 0;
        store.Setup(s => s.UpdateAsync(It.IsAny<ConnectedAccount>(), It.IsAny<PlatformEvent>(), It.IsAny<IdempotencyCompletion?>(), It.IsAny<CancellationToken>()))
            .Callback(() =>
            {
                steps.Add("commit");
                if (conflicts++ == 0) throw new ConcurrencyConflictException("changed");
            })
            .Returns(Task.CompletedTask);

        var result = await Update(new PayoutSchedule(PayoutInterval.Monthly, MonthlyAnchor: 31));

        Assert.True(result.IsSuccess);
        store.Verify(s => s.GetAsync(Shop.Scope, account.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(["put 2026-12-31", "commit", "put 2026-12-31", "commit", "remove 2026-12-02"], steps);
    }

    [Fact]
    public async Task Another_merchants_account_is_resource_missing()
    {
        var result = await UseCase.UpdateAsync(Shop, PrefixedId.New("acct", clock), new UpdateAccountCommand(PayoutSchedule.Manual, null), null, CancellationToken.None);

        Assert.Equal((404, "resource_missing"), (result.Error?.Status, result.Error?.Code));
        Assert.Empty(steps);
    }
}
