namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The queues, named by settings because the queue triggers name them by the same settings
/// (<c>%Queues:Outbox%</c>): the writer and the trigger cannot disagree.
/// </summary>
public sealed class QueueNames
{
    public const string Section = "Queues";

    public string Outbox { get; set; } = "ef-outbox";
    public string Settlement { get; set; } = "ef-settlement";
    public string Payouts { get; set; } = "ef-payouts";
    public string PayoutReports { get; set; } = "ef-payout-reports";
    public string Webhooks { get; set; } = "ef-webhooks";

    public IEnumerable<string> All => [Outbox, Settlement, Payouts, PayoutReports, Webhooks];
}
