namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// The queues, named by settings because the queue triggers name them by the same settings
/// (<c>%Queues:Outbox%</c>): the writer and the trigger cannot disagree.
/// </summary>
public sealed class QueueNames : Core.Common.ISelfValidatingOptions
{
    public const string Section = "Queues";

    public string Outbox { get; set; } = "ef-outbox";
    public string Settlement { get; set; } = "ef-settlement";
    public string Payouts { get; set; } = "ef-payouts";
    public string PayoutReports { get; set; } = "ef-payout-reports";
    public string Webhooks { get; set; } = "ef-webhooks";
    public string IntegrationEvents { get; set; } = "ef-integration-events";
    public string IdentityVerifications { get; set; } = "ef-identity-verifications";

    public IEnumerable<string> All => [Outbox, Settlement, Payouts, PayoutReports, Webhooks, IntegrationEvents, IdentityVerifications];

    /// <summary>Azure queue names: 3–63 lower-case letters, digits and single dashes, starting and ending with a letter or digit.</summary>
    public string? Problem()
    {
        var named = new (string Setting, string Value)[]
        {
            (nameof(Outbox), Outbox), (nameof(Settlement), Settlement), (nameof(Payouts), Payouts), (nameof(PayoutReports), PayoutReports), (nameof(Webhooks), Webhooks), (nameof(IntegrationEvents), IntegrationEvents), (nameof(IdentityVerifications), IdentityVerifications),
        };
        foreach (var (setting, value) in named)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(value ?? "", "^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$"))
            {
                return $"{Section}:{setting} must be a queue name: 3 to 63 lower-case letters, digits and single dashes.";
            }
        }
        return named.Select(pair => pair.Value).Distinct().Count() == named.Length ? null : $"{Section}: every queue needs its own name.";
    }
}
