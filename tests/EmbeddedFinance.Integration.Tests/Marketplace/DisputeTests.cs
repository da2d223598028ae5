using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Marketplace;

/// <summary>
/// Disputes with the sandbox card 4000 0000 0000 0259: opened once, a few seconds after the payment, taking back what
/// is left of it from the split accounts and the fee in proportion, plus the dispute fee; won, exactly the withdrawal
/// returns; lost, it stays; the ledger balances and reconciles without drift throughout.
/// </summary>
public sealed class DisputeTests : HostedTest
{
    private const string DisputedCard = "4000000000000259";
    private PaymentClient client = null!;
    private string token = null!;
    private string alice = null!;
    private string bob = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Disputes:SandboxAfter"] = "00:00:03",
        ["Disputes:SandboxDecideAfter"] = "00:00:00",
        ["Schedules:SandboxDisputes"] = "*/1 * * * * *",
        ["Payouts:SandboxReportAfter"] = "00:00:00",
    };

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync(DisputedCard);
        alice = await client.AccountAsync("Alice", PaymentClient.UsBank());
        bob = await client.AccountAsync("Bob", PaymentClient.UsBank());
    }

    [Fact]
    public async Task The_sandbox_card_is_disputed_once_with_proportional_withdrawals_and_the_fee_and_a_lost_dispute_keeps_them()
    {
        var payment = await PayAsync();
        var dispute = await DisputeOfAsync(payment);

        Assert.Equal(("needs_response", 10_000L, "fraudulent", 1_500L), (dispute.GetProperty("status").GetString(), dispute.GetProperty("amount").GetInt64(),
            dispute.GetProperty("reason").GetString(), dispute.GetProperty("fee").GetInt64()));
        Assert.Equal(1_000, dispute.GetProperty("application_fee_withdrawn").GetInt64());
        Assert.Equal([(alice, 6_000L), (bob, 3_000L)], Splits(dispute));
        Assert.True(dispute.GetProperty("evidence_due_by").GetInt64() > dispute.GetProperty("created").GetInt64());
        await AvailableAsync(alice, 0, "Alice's share withdrawn");
        await AvailableAsync(bob, 0, "Bob's share withdrawn");
        await Eventually.HoldsAsync(async () => (await BalancesAsync()).GetValueOrDefault(LedgerAccounts.Fee) == -1_500, "the fee withdrawn and the dispute fee charged");
        Assert.Equal(1_500, (await BalancesAsync())[LedgerAccounts.DisputeFees]);

        // Opened again, even concurrently (a second timer instance, a retried run): nothing more happens.
        var open = Host.Services.GetRequiredService<OpenDispute>();
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => open.OpenAsync(Scope, payment, CancellationToken.None)));
        Assert.All(again, outcome => Assert.Equal(OpenOutcome.Nothing, outcome));
        Assert.Single(await ListAsync());
        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{payment}/refunds", null, Guid.NewGuid().ToString()), 409, "state_invalid");
        Assert.Equal(Id(dispute), (await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{payment}"), HttpStatusCode.OK)).GetProperty("dispute").GetString());

        var draft = await RespondAsync(dispute, new { evidence = new { product_description = "A ride", customer_name = "Jane" } });
        Assert.Equal(("needs_response", "A ride"), (draft.GetProperty("status").GetString(), draft.GetProperty("evidence").GetProperty("product_description").GetString()));
        var submitted = await RespondAsync(dispute, new { evidence = new { uncategorized_text = "losing_evidence" }, submit = true });
        Assert.Equal("under_review", submitted.GetProperty("status").GetString());
        Assert.Equal("Jane", submitted.GetProperty("evidence").GetProperty("customer_name").GetString());
        await StatusAsync(dispute, "lost");
        await Problem.AssertAsync(await client.PostAsync($"v1/disputes/{Id(dispute)}", new { submit = true }), 409, "state_invalid");

        await AvailableAsync(alice, 0, "a lost dispute keeps the withdrawal");
        Assert.Equal(0, await client.BalanceAsync(bob, "available"));
        Assert.Equal(new[] { 1, 2, 1 }, await EventCountsAsync());
        await StateRows.AssertEveryTransactionBalancesAsync(Host, Scope);
        Assert.Equal(10_000, Assert.Single(await LedgerAsync(LedgerTypes.DisputeWithdrawal)).Postings.Single(p => p.Account == LedgerAccounts.Clearing).Amount);
        Assert.Empty(await LedgerAsync(LedgerTypes.DisputeReinstatement));
        await ReconcileAsync();
    }

    [Fact]
    public async Task A_won_dispute_reinstates_exactly_what_was_withdrawn_but_not_the_fee()
    {
        // 9 999 in thirds: the largest remainders decide who gives back the odd unit, and the reinstatement returns exactly that.
        var payment = await PayAsync(9_999, fee: 1_001, aliceShare: 5_999, bobShare: 2_999);
        var dispute = await DisputeOfAsync(payment);
        await AvailableAsync(alice, 0, "withdrawn");

        var submitted = await RespondAsync(dispute, new { evidence = new { uncategorized_text = DisputeEvidence.SandboxWinning }, submit = true });
        Assert.Equal("under_review", submitted.GetProperty("status").GetString());
        var won = await StatusAsync(dispute, "won");

        await AvailableAsync(alice, 5_999, "Alice's share reinstated");
        await AvailableAsync(bob, 2_999, "Bob's share reinstated");
        await Eventually.HoldsAsync(async () => (await BalancesAsync()).GetValueOrDefault(LedgerAccounts.Fee) == 1_001 - 1_500, "the fee's share back, the dispute fee not");
        var withdrawal = Assert.Single(await LedgerAsync(LedgerTypes.DisputeWithdrawal));
        var reinstatement = Assert.Single(await LedgerAsync(LedgerTypes.DisputeReinstatement));
        Assert.Equal(Id(won), reinstatement.Reference);
        // Everything but the dispute fee's two lines cancels out exactly.
        Assert.All(withdrawal.Postings.Concat(reinstatement.Postings).Where(p => p.Account != LedgerAccounts.DisputeFees).GroupBy(p => p.Account),
            account => Assert.Equal(account.Key == LedgerAccounts.Fee ? -1_500 : 0, account.Sum(p => p.Amount)));
        Assert.Equal(new[] { 1, 1, 1 }, await EventCountsAsync());
        await ReconcileAsync();
    }

    [Fact]
    public async Task Openings_racing_for_one_payment_open_exactly_one_dispute()
    {
        var plain = await client.TokenAsync();
        var ride = (await client.PayAsync(plain, 3_000, fee: 300, splits: [new { account = alice, amount = 2_700 }])).GetProperty("id").GetString()!;
        var open = Host.Services.GetRequiredService<OpenDispute>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => open.OpenAsync(Scope, ride, CancellationToken.None))));

        Assert.Single(outcomes, outcome => outcome == OpenOutcome.Opened);
        Assert.Single(await ListAsync(), d => d.GetProperty("payment").GetString() == ride);
        Assert.Single(await LedgerAsync(LedgerTypes.DisputeWithdrawal));
        Assert.Equal(new[] { 1, 0, 0 }, await EventCountsAsync());
    }

    [Fact]
    public async Task A_dispute_after_a_partial_refund_disputes_at_most_what_is_left()
    {
        var payment = await PayAsync();
        var refund = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{payment}/refunds", new { amount = 4_000 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        Assert.Equal(0, refund.GetProperty("application_fee_refunded").GetInt64());

        var dispute = await DisputeOfAsync(payment);

        // Left of the payment: the fee's 1 000, Alice's 6 000 − 2 667, Bob's 3 000 − 1 333: all of it is disputed.
        Assert.Equal(6_000, dispute.GetProperty("amount").GetInt64());
        Assert.Equal(1_000, dispute.GetProperty("application_fee_withdrawn").GetInt64());
        Assert.Equal([(alice, 3_333L), (bob, 1_667L)], Splits(dispute));
        await AvailableAsync(alice, 0, "nothing left of the payment with Alice");
        await AvailableAsync(bob, 0, "nothing left of the payment with Bob");
        await StateRows.AssertEveryTransactionBalancesAsync(Host, Scope);
        await ReconcileAsync();
    }

    [Fact]
    public async Task A_dispute_after_a_payout_takes_the_balance_below_zero_and_emits_account_balance_negative_once()
    {
        var plain = await client.TokenAsync();
        var ride = (await client.PayAsync(plain, 5_500, fee: 500, splits: [new { account = alice, amount = 5_000 }])).GetProperty("id").GetString()!;
        await AvailableAsync(alice, 5_000, "the ride settled");
        await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account = alice, amount = 5_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(alice, "in_transit") == 0, "the payout paid");

        // The card holder disputes the ride (any card, opened as the sandbox timer does).
        Assert.Equal(OpenOutcome.Opened, await Host.Services.GetRequiredService<OpenDispute>().OpenAsync(Scope, ride, CancellationToken.None));

        await AvailableAsync(alice, -5_000, "the dispute taken from the paid-out driver");
        var negative = await PaymentClient.ExpectAsync(await client.GetAsync("v1/events?type=account.balance_negative"), HttpStatusCode.OK);
        var crossing = Assert.Single(negative.GetProperty("data").EnumerateArray()).GetProperty("data").GetProperty("object");
        Assert.Equal((alice, -5_000L), (crossing.GetProperty("account").GetString(), crossing.GetProperty("available").GetInt64()));
        await ReconcileAsync();
    }

    [Theory]
    [InlineData("{}", "invalid_request", null)]
    [InlineData("""{"evidence":{"uncategorized_text":"x","unexpected":"y"}}""", "parameter_unknown", "evidence.unexpected")]
    [InlineData("""{"submit":"yes"}""", "parameter_invalid", "submit")]
    [InlineData("""{"evidence":{"customer_name":7}}""", "parameter_invalid", "evidence.customer_name")]
    [InlineData("""{"evidence":{"customer_name":"A\u0000B"}}""", "parameter_invalid", "evidence.customer_name")]
    [InlineData("""{"evidence":"winning_evidence"}""", "parameter_invalid", "evidence")]
    public async Task Bad_input_is_400_and_changes_nothing(string body, string code, string? param)
    {
        var dispute = await DisputeOfAsync(await PayAsync());

        using var response = await Host.SendAsync(HttpMethod.Post, $"v1/disputes/{Id(dispute)}", client.Merchant.SecretKey, body, Guid.NewGuid().ToString());

        var problem = await Problem.AssertAsync(response, 400, code);
        if (param is not null) Assert.Equal(param, problem.GetProperty("param").GetString());
        var after = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/disputes/{Id(dispute)}"), HttpStatusCode.OK);
        Assert.Equal(dispute.GetRawText(), after.GetRawText());
        Assert.Equal(new[] { 1, 0, 0 }, await EventCountsAsync());
    }

    [Fact]
    public async Task Disputes_list_with_cursor_paging_and_an_unknown_id_is_404()
    {
        var first = Id(await DisputeOfAsync(await PayAsync()));
        var second = Id(await DisputeOfAsync(await PayAsync()));

        var page = await PaymentClient.ExpectAsync(await client.GetAsync("v1/disputes?limit=1"), HttpStatusCode.OK);
        Assert.Equal((first, true), (Id(Assert.Single(page.GetProperty("data").EnumerateArray())), page.GetProperty("has_more").GetBoolean()));
        var next = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/disputes?limit=1&starting_after={first}"), HttpStatusCode.OK);
        Assert.Equal(second, Id(Assert.Single(next.GetProperty("data").EnumerateArray())));
        await Problem.AssertAsync(await client.GetAsync("v1/disputes/dp_00000000000000000000000000"), 404, "resource_missing");
        await Problem.AssertAsync(await client.GetAsync("v1/disputes?starting_after=pay_1"), 400, "parameter_invalid", "starting_after");
    }

    private async Task<string> PayAsync(long amount = 10_000, long fee = 1_000, long aliceShare = 6_000, long bobShare = 3_000) =>
        (await client.PayAsync(token, amount, fee: fee, splits: [new { account = alice, amount = aliceShare }, new { account = bob, amount = bobShare }])).GetProperty("id").GetString()!;

    private async Task<JsonElement> DisputeOfAsync(string payment)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var match = (await ListAsync()).Where(d => d.GetProperty("payment").GetString() == payment).ToList();
            if (match.Count == 1) found = match[0];
            return match.Count == 1;
        }, $"the dispute of {payment} opened");
        return found;
    }

    private async Task<JsonElement> StatusAsync(JsonElement dispute, string status)
    {
        JsonElement now = default;
        await Eventually.HoldsAsync(async () =>
        {
            now = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/disputes/{Id(dispute)}"), HttpStatusCode.OK);
            return now.GetProperty("status").GetString() == status;
        }, $"the dispute {status}");
        return now;
    }

    private async Task<List<JsonElement>> ListAsync() =>
        (await PaymentClient.ExpectAsync(await client.GetAsync("v1/disputes?limit=100"), HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();

    private async Task<JsonElement> RespondAsync(JsonElement dispute, object body) =>
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/disputes/{Id(dispute)}", body, Guid.NewGuid().ToString()), HttpStatusCode.OK);

    private async Task<int[]> EventCountsAsync()
    {
        var events = await StateRows.EventsAsync(Host, Scope);
        return [.. new[] { "dispute.created", "dispute.updated", "dispute.closed" }.Select(type => events.Count(e => e.Type == type))];
    }

    private async Task<List<LedgerTransaction>> LedgerAsync(string type) => (await StateRows.LedgerAsync(Host, Scope)).Where(t => t.Type == type).ToList();

    private Task<Dictionary<string, long>> BalancesAsync() => StateRows.BalancesAsync(Host, Scope);

    private Task AvailableAsync(string account, long amount, string what) =>
        Eventually.HoldsAsync(async () => await client.BalanceAsync(account, "available") == amount, $"{what}: available {amount}");

    private async Task ReconcileAsync()
    {
        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Unbalanced);
        Assert.Empty(report.Drift);
    }

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static List<(string, long)> Splits(JsonElement dispute) =>
        dispute.GetProperty("splits").EnumerateArray().Select(split => (split.GetProperty("account").GetString()!, split.GetProperty("amount").GetInt64())).ToList();
}
