using EmbeddedFinance.Core.Ledger;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Settlement;

public sealed class NegativeBalanceReportTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<IReconciliationJournal> journal = new();
    private readonly Mock<INegativeBalanceIndex> index = new();
    private readonly Mock<IReconciliationLog> log = new();

    [Fact]
    public async Task Reconciliation_reports_the_balances_negative_for_longer_than_the_setting_found_through_the_index()
    {
        journal.Setup(j => j.ForEachDueScopeAsync(It.IsAny<Func<string, Task<bool>>>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);
        var longNegative = new NegativeBalance("mer_1:test", "acct_driver", "eur", -300, clock.GetUtcNow().AddDays(-3));
        index.Setup(i => i.NegativeSinceBeforeAsync(clock.GetUtcNow().AddHours(-36), 100, It.IsAny<CancellationToken>())).ReturnsAsync([longNegative]);
        var reconciliation = new Reconciliation(journal.Object, Mock.Of<ILedgerReader>(), log.Object, index.Object,
            Options.Create(new ReconciliationOptions { NegativeBalanceAlertAfter = TimeSpan.FromHours(36) }), clock, NullLogger<Reconciliation>.Instance);

        var report = await reconciliation.RunAsync(CancellationToken.None);

        Assert.Equal([longNegative], report.NegativeBalances);
        Assert.Equal(0, report.Problems);
        log.Verify(l => l.SaveAsync(report, It.IsAny<CancellationToken>()));
    }
}
