using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>
/// The ledger effect of a dispute. Opening it (<see cref="LedgerTypes.DisputeWithdrawal"/>): the acquirer takes the
/// disputed amount back (<c>clearing</c> +amount), each party gives back its part (<c>fee</c>, <c>acct_…:pending</c>
/// or <c>merchant:pending</c>), and the platform pays the dispute fee (<c>fee</c> −fee, <c>dispute_fees</c> +fee).
/// Winning it (<see cref="LedgerTypes.DisputeReinstatement"/>) reverses exactly the withdrawn parts, never the fee.
/// </summary>
public static class DisputePostings
{
    public static IReadOnlyList<Posting> ForWithdrawal(Dispute dispute) =>
    [
        new Posting(LedgerAccounts.Clearing, dispute.Amount),
        .. dispute.Withdrawn.Select(share => new Posting(PaymentPostings.PendingOf(share.Party), -share.Amount)),
        new Posting(LedgerAccounts.Fee, -dispute.Fee),
        new Posting(LedgerAccounts.DisputeFees, dispute.Fee),
    ];

    public static IReadOnlyList<Posting> ForReinstatement(Dispute dispute) =>
    [
        new Posting(LedgerAccounts.Clearing, -dispute.Amount),
        .. dispute.Withdrawn.Select(share => new Posting(PaymentPostings.PendingOf(share.Party), share.Amount)),
    ];
}
