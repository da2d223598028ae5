using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Risk;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace EmbeddedFinance.Core.Tests;

/// <summary>Screenings for use-case tests: off, or on over mocked counters with the given rules and an empty amount statistic.</summary>
public static class RiskScreeningTests
{
    public static RiskScreening Off(TimeProvider clock) => Build(clock, Mock.Of<IActivityCounters>(), null, enabled: false);

    public static RiskScreening On(TimeProvider clock, IActivityCounters counters, RiskRules? rules = null) => Build(clock, counters, rules, enabled: true);

    private static RiskScreening Build(TimeProvider clock, IActivityCounters counters, RiskRules? rules, bool enabled)
    {
        var options = Options.Create(new RiskOptions { Enabled = enabled });
        var store = new Mock<IRiskRuleStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(rules);
        var amounts = new Mock<IAmountStatistics>();
        amounts.Setup(a => a.GetAsync(It.IsAny<string>(), It.IsAny<Currency>(), It.IsAny<CancellationToken>())).ReturnsAsync(AmountStatistic.None);
        return new RiskScreening(counters, amounts.Object, new RiskRuleBook(store.Object, options, clock), options, clock, NullLogger<RiskScreening>.Instance);
    }
}
