namespace EmbeddedFinance.Core.Ledger;

/// <summary>What caused a ledger transaction.</summary>
public static class LedgerTypes
{
    public const string Capture = "payment.capture";
    public const string Refund = "payment.refund";

    /// <summary>A dispute opened: the disputed amount taken back from the payment's parties, and the dispute fee from the platform.</summary>
    public const string DisputeWithdrawal = "dispute.withdrawal";

    /// <summary>A dispute won: exactly what its withdrawal took from the parties returns (the fee does not).</summary>
    public const string DisputeReinstatement = "dispute.reinstatement";

    /// <summary>Settlement moving what a capture or refund put in pending on to available.</summary>
    public const string Release = "settlement.release";

    /// <summary>A payout taking money from available (and its fee) into in-transit.</summary>
    public const string Payout = "payout.create";

    /// <summary>The rail paid the payout: in-transit leaves the platform.</summary>
    public const string PayoutPaid = "payout.paid";

    /// <summary>The rail failed the payout: in-transit (and the fee) returns to available.</summary>
    public const string PayoutFailed = "payout.failed";
}
