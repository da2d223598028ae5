namespace EmbeddedFinance.Core.Ledger;

public sealed class ReconciliationOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Reconciliation";

    /// <summary>An available balance that stays below zero this long is reported by every reconciliation run until it recovers.</summary>
    public TimeSpan NegativeBalanceAlertAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>At most this many long-negative balances are reported per run (the oldest first).</summary>
    public int MaxNegativeBalancesReported { get; set; } = 100;

    public string? Problem() =>
        NegativeBalanceAlertAfter < TimeSpan.Zero || NegativeBalanceAlertAfter > TimeSpan.FromDays(365) ? $"{Section}:{nameof(NegativeBalanceAlertAfter)} must be between 00:00:00 and 365 days."
        : MaxNegativeBalancesReported is < 1 or > 1_000 ? $"{Section}:{nameof(MaxNegativeBalancesReported)} must be between 1 and 1000."
        : null;
}
