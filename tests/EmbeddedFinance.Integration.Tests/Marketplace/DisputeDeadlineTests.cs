using System.Net;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Marketplace;

/// <summary>A dispute nobody answers by its evidence_due_by is lost, once, and its withdrawal stays.</summary>
public sealed class DisputeDeadlineTests : HostedTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Disputes:SandboxAfter"] = "00:00:00",
        ["Disputes:EvidenceWindow"] = "00:00:02",
        ["Schedules:SandboxDisputes"] = "*/1 * * * * *",
    };

    [Fact]
    public async Task A_dispute_without_evidence_by_its_due_time_is_lost_once_and_keeps_its_withdrawal()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var driver = await client.AccountAsync("Driver");
        var payment = (await client.PayAsync(await client.TokenAsync("4000000000000259"), 2_000, fee: 200, splits: [new { account = driver, amount = 1_800 }])).GetProperty("id").GetString()!;

        var status = "";
        await Eventually.HoldsAsync(async () =>
        {
            var list = await PaymentClient.ExpectAsync(await client.GetAsync("v1/disputes"), HttpStatusCode.OK);
            status = list.GetProperty("data").EnumerateArray().SingleOrDefault(d => d.GetProperty("payment").GetString() == payment) is { ValueKind: System.Text.Json.JsonValueKind.Object } found
                ? found.GetProperty("status").GetString()! : "";
            return status == "lost";
        }, "the unanswered dispute lost", state: () => status);

        await Eventually.HoldsAsync(async () => await client.BalanceAsync(driver, "available") == 0, "the driver's share stays withdrawn");
        var scope = MerchantScope.Of(client.Merchant.Id, Mode.Test);
        var events = await StateRows.EventsAsync(Host, scope);
        Assert.Equal((1, 0, 1), (events.Count(e => e.Type == "dispute.created"), events.Count(e => e.Type == "dispute.updated"), events.Count(e => e.Type == "dispute.closed")));
        Assert.DoesNotContain(await StateRows.LedgerAsync(Host, scope), t => t.Type == LedgerTypes.DisputeReinstatement);
        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Drift);
    }
}
