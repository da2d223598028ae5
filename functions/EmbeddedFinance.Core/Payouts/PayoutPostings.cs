using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>The ledger effect of a payout's life: reserved into in-transit, then paid out or returned.</summary>
public static class PayoutPostings
{
    public static IReadOnlyList<Posting> ForCreate(Payout payout) =>
    [
        new Posting(LedgerAccounts.Available(payout.Account), -(payout.Amount + payout.Fee)),
        new Posting(LedgerAccounts.InTransit(payout.Account), payout.Amount),
        new Posting(LedgerAccounts.Fee, payout.Fee),
    ];

    public static IReadOnlyList<Posting> ForPaid(Payout payout) =>
    [
        new Posting(LedgerAccounts.InTransit(payout.Account), -payout.Amount),
        new Posting(LedgerAccounts.PaidOut, payout.Amount),
    ];

    /// <summary>A failed payout returns its amount, and the instant fee for a service not delivered.</summary>
    public static IReadOnlyList<Posting> ForFailed(Payout payout) =>
    [
        new Posting(LedgerAccounts.InTransit(payout.Account), -payout.Amount),
        new Posting(LedgerAccounts.Fee, -payout.Fee),
        new Posting(LedgerAccounts.Available(payout.Account), payout.Amount + payout.Fee),
    ];
}
