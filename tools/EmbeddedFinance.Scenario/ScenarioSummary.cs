using System.Text;

namespace EmbeddedFinance.Scenario;

public sealed record DriverSummary(string Name, string Account, long Earned, long Refunded, long Disputed, long Available, long PaidOut, string PayoutStatus, bool PayoutAutomatic);

/// <summary>What the scenario saw, and whether it adds up.</summary>
public sealed record ScenarioSummary(
    IReadOnlyDictionary<string, int> PaymentsByOutcome,
    int Refunds,
    int DisputesWon,
    int DisputesLost,
    IReadOnlyList<DriverSummary> Drivers,
    int LedgerTransactions,
    int UnbalancedTransactions,
    int DriftedBalances,
    IReadOnlyDictionary<string, int> WebhooksVerifiedByType,
    IReadOnlyDictionary<string, int> WebhooksExpectedByType,
    int WebhooksRejected)
{
    public bool WebhooksComplete => WebhooksExpectedByType.All(pair => WebhooksVerifiedByType.GetValueOrDefault(pair.Key) >= pair.Value);

    public bool Healthy => UnbalancedTransactions == 0 && DriftedBalances == 0 && WebhooksRejected == 0 && WebhooksComplete
        && Drivers.All(driver => driver.PayoutStatus is "paid" or "failed");

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine("Payments by outcome: " + string.Join(", ", PaymentsByOutcome.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")) + $"; refunds {Refunds}; disputes won {DisputesWon}, lost {DisputesLost}");
        foreach (var driver in Drivers)
        {
            text.AppendLine($"  {driver.Name,-8} earned {Money(driver.Earned)}, refunded {Money(driver.Refunded)}, lost to disputes {Money(driver.Disputed)}, {(driver.PayoutAutomatic ? "automatic payout" : "payout")} {Money(driver.PaidOut)} {driver.PayoutStatus}, available now {Money(driver.Available)}");
        }
        text.AppendLine($"Ledger: {LedgerTransactions} transactions, {UnbalancedTransactions} unbalanced, drift {DriftedBalances}");
        text.AppendLine("Webhooks verified (expected): " + string.Join(", ", WebhooksExpectedByType.OrderBy(pair => pair.Key)
            .Select(pair => $"{pair.Key} {WebhooksVerifiedByType.GetValueOrDefault(pair.Key)} ({pair.Value})")) + $"; rejected {WebhooksRejected}");
        text.Append(Healthy ? "OK" : "NOT OK");
        return text.ToString();
    }

    private static string Money(long cents) => $"${cents / 100}.{cents % 100:00}";
}
