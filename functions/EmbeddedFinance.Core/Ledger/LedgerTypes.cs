namespace EmbeddedFinance.Core.Ledger;

/// <summary>What caused a ledger transaction.</summary>
public static class LedgerTypes
{
    public const string Capture = "payment.capture";
    public const string Refund = "payment.refund";

    /// <summary>Settlement moving what a capture or refund put in pending on to available.</summary>
    public const string Release = "settlement.release";
}
