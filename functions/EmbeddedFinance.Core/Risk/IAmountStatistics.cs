using EmbeddedFinance.Core.Amounts;

namespace EmbeddedFinance.Core.Risk;

/// <summary>Each merchant's rolling amount statistic per currency, kept incrementally (never recomputed from payments).</summary>
public interface IAmountStatistics
{
    Task<AmountStatistic> GetAsync(string scope, Currency currency, CancellationToken cancellationToken);

    /// <summary>Adds an authorized payment's amount. May be folded into storage a moment later with others (see ADR 024).</summary>
    Task ObserveAsync(string scope, Currency currency, long amount, CancellationToken cancellationToken);
}
