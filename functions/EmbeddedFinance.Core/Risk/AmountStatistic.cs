namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// A rolling mean and deviation of a merchant's payment amounts in one currency (Welford's running moments, merged as
/// Chan et al. do). Past <see cref="Horizon"/> payments the weight of the past is held at the horizon, so the statistic
/// follows the merchant's recent usual rather than all of history. Doubles are fine here: this is a statistic, not money.
/// </summary>
public sealed record AmountStatistic(long Count, double Mean, double SquaredDeviations)
{
    public const long Horizon = 1000;

    public static readonly AmountStatistic None = new(0, 0, 0);

    public double StandardDeviation => Count < 2 ? 0 : Math.Sqrt(SquaredDeviations / (Count - 1));

    public AmountStatistic Add(long amount) => Merge(new AmountStatistic(1, amount, 0));

    public AmountStatistic Merge(AmountStatistic other)
    {
        if (other.Count == 0) return this;
        if (Count == 0) return other;
        var count = Count + other.Count;
        var delta = other.Mean - Mean;
        var mean = Mean + delta * other.Count / count;
        var squared = SquaredDeviations + other.SquaredDeviations + delta * delta * Count * other.Count / count;
        if (count <= Horizon) return new AmountStatistic(count, mean, squared);
        // Forget in proportion: the mean stays, the spread keeps its variance, the count stops growing.
        return new AmountStatistic(Horizon, mean, squared * (Horizon - 1) / (count - 1));
    }

    /// <summary>How many standard deviations <paramref name="amount"/> lies above the mean (0 when there is no spread yet).</summary>
    public double DeviationsAbove(long amount) => StandardDeviation <= 0 ? (amount > Mean ? double.PositiveInfinity : 0) : (amount - Mean) / StandardDeviation;
}
