using System.Text.Json;

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
        ScenarioApi client, string key, string token, (string Lost, string Won) drivers, Action<string> log)
    {
        var taken = new Dictionary<string, long>();
        var (won, lost) = (0, 0);
        foreach (var (account, evidence) in new[] { (drivers.Lost, "Receipt attached"), (drivers.Won, "winning_evidence") })
        {
            var payment = await client.ExpectAsync(HttpMethod.Post, "v1/payments", key, new
            {
                amount = 1_500, currency = "usd", payment_method = token, application_fee_amount = 300,
                splits = new[] { new { account, amount = 1_200 } }, description = "disputed ride",
            });
            var id = payment.GetProperty("id").GetString()!;
            JsonElement dispute = default;
            if (!await ScenarioApi.WaitAsync(async () => (dispute = await DisputeOfAsync(client, key, id)).ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException($"No dispute opened for {id} within 60 s.");
            }
            var disputeId = dispute.GetProperty("id").GetString()!;
            await client.ExpectAsync(HttpMethod.Post, $"v1/disputes/{disputeId}", key, new { evidence = new { uncategorized_text = evidence }, submit = true });
            var status = "";
            await ScenarioApi.WaitAsync(async () =>
            {
                status = (await client.ExpectAsync(HttpMethod.Get, $"v1/disputes/{disputeId}", key)).GetProperty("status").GetString()!;
                return status is "won" or "lost";
            }, TimeSpan.FromSeconds(60));
            if (status == "won") won++;
            if (status == "lost")
            {
                lost++;
                var share = dispute.GetProperty("splits").EnumerateArray().Sum(split => split.GetProperty("amount").GetInt64());
                taken[account] = taken.GetValueOrDefault(account) + share;
            }
            log($"dispute {disputeId} of ride {id}: {status}");
        }
        return (won, lost, taken);
    }

    private static async Task<JsonElement> DisputeOfAsync(ScenarioApi client, string key, string payment) =>
        (await client.ExpectAsync(HttpMethod.Get, "v1/disputes?limit=100", key)).GetProperty("data").EnumerateArray()
            .FirstOrDefault(dispute => dispute.GetProperty("payment").GetString() == payment);
}
