namespace EmbeddedFinance.Core.Ledger;

/// <summary>
/// Splits an amount across parties in proportion to weights, in whole minor units, by the largest-remainder
/// method: the parts always add up exactly, and no party ever gets more than its share rounded up.
/// </summary>
public static class ProportionalAllocation
{
    public static IReadOnlyList<(string Party, long Amount)> Allocate(long total, IReadOnlyList<(string Party, long Weight)> weights)
    {
        var weightSum = weights.Sum(w => w.Weight);
        if (weightSum <= 0 || total == 0) return weights.Select(w => (w.Party, 0L)).ToList();
        // Amounts and weights are at most Money.MaxAmount (1e8), so total × weight (≤ 1e16) fits a long exactly.
        var shares = weights.Select((w, index) => (w.Party, Index: index, Floor: total * w.Weight / weightSum, Remainder: total * w.Weight % weightSum)).ToList();
        var left = total - shares.Sum(s => s.Floor);
        var bonus = shares.OrderByDescending(s => s.Remainder).ThenBy(s => s.Index).Take((int)left).Select(s => s.Index).ToHashSet();
        return shares.Select(s => (s.Party, s.Floor + (bonus.Contains(s.Index) ? 1 : 0))).ToList();
    }
}
