namespace EmbeddedFinance.Core.Ledger;

/// <summary>The ledger accounts of one merchant scope, per currency.</summary>
public static class LedgerAccounts
{
    /// <summary>Money the acquirer owes the platform for captured payments; debited on capture, credited on refund.</summary>
    public const string Clearing = "clearing";

    /// <summary>The merchant's own fee income.</summary>
    public const string Fee = "fee";

    /// <summary>The merchant itself, when a payment has no splits.</summary>
    public const string Merchant = "merchant";

    /// <summary>Money paid out to connected accounts' banks: it has left the platform.</summary>
    public const string PaidOut = "paid_out";

    /// <summary>Dispute fees the platform owes the acquirer: credited by each dispute's fee, taken from <see cref="Fee"/>.</summary>
    public const string DisputeFees = "dispute_fees";

    public static string Pending(string owner) => $"{owner}:pending";
    public static string Available(string owner) => $"{owner}:available";
    public static string InTransit(string owner) => $"{owner}:in_transit";
}
