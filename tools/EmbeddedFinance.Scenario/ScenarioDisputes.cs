using EmbeddedFinance.Client;

namespace EmbeddedFinance.Scenario;

/// <summary>
/// Two rides paid with the sandbox's disputed card (4000 0000 0000 0259): the rider disputes both a few seconds
/// later; the platform answers one with evidence the sandbox issuer rejects (lost: the driver's share stays taken back)
/// and the other with `winning_evidence` (won: the share returns). Returns, per driver, what a lost dispute took.
/// </summary>
public static class ScenarioDisputes
{
    public const string DisputedCard = "4000000000000259";

    public static async Task<(int Won, int Lost, Dictionary<string, long> Taken)> RunAsync(
        EmbeddedFinanceClient client, string token, (string Lost, string Won) drivers, Action<string> log)
    {
        var taken = new Dictionary<string, long>();
        var (won, lost) = (0, 0);
        foreach (var (account, evidence) in new[] { (drivers.Lost, "Receipt attached"), (drivers.Won, "winning_evidence") })
        {
            var payment = await client.Payments.CreateAsync(new CreatePaymentRequest
            {
                Amount = 1_500, Currency = "usd", PaymentMethod = token, ApplicationFeeAmount = 300,
                Splits = [new Split { Account = account, Amount = 1_200 }], Description = "disputed ride",
            });
            Dispute? dispute = null;
            if (!await Poll.UntilAsync(async () => (dispute = await DisputeOfAsync(client, payment.Id)) is not null, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException($"No dispute opened for {payment.Id} within 60 s.");
            }
            await client.Disputes.UpdateAsync(dispute!.Id, new UpdateDisputeRequest { Evidence = new DisputeEvidence { UncategorizedText = evidence }, Submit = true });
            var status = "";
            await Poll.UntilAsync(async () =>
            {
                status = (await client.Disputes.GetAsync(dispute.Id)).Status;
                return status is "won" or "lost";
            }, TimeSpan.FromSeconds(60));
            if (status == "won") won++;
            if (status == "lost")
            {
                lost++;
                taken[account] = taken.GetValueOrDefault(account) + dispute.Splits.Sum(split => split.Amount);
            }
            log($"dispute {dispute.Id} of ride {payment.Id}: {status}");
        }
        return (won, lost, taken);
    }

    private static async Task<Dispute?> DisputeOfAsync(EmbeddedFinanceClient client, string payment)
    {
        await foreach (var dispute in client.Disputes.ListAllAsync(new ListOptions { Limit = 100 }))
        {
            if (dispute.Payment == payment) return dispute;
        }
        return null;
    }
}
