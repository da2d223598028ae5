using System.Net;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Marketplace;

/// <summary>Who gives back a refund: the split accounts always, in proportion; the platform's fee only with refund_application_fee.</summary>
public sealed class RefundApplicationFeeTests : HostedTest
{
    private PaymentClient client = null!;
    private string token = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        token = await client.TokenAsync();
    }

    [Fact]
    public async Task Refunds_with_and_without_the_fee_post_balanced_proportional_shares_and_together_return_exactly_what_each_received()
    {
        var alice = await client.AccountAsync("Alice");
        var bob = await client.AccountAsync("Bob");
        var id = (await client.PayAsync(token, 10_000, fee: 1_000, splits: [new { account = alice, amount = 6_000 }, new { account = bob, amount = 3_000 }])).GetProperty("id").GetString()!;

        var keep = await RefundAsync(id, new { amount = 5_000 });
        var give = await RefundAsync(id, new { amount = 2_000, refund_application_fee = true });
        var rest = await RefundAsync(id, new { });

        // Without the fee, Alice and Bob bear 5000 in proportion 2:1; with it, the fee gives back 10 % of 2000.
        Assert.Equal((false, 0L), (keep.GetProperty("refund_application_fee").GetBoolean(), keep.GetProperty("application_fee_refunded").GetInt64()));
        Assert.Equal([(alice, 3_333L), (bob, 1_667L)], Splits(keep));
        Assert.Equal((true, 200L), (give.GetProperty("refund_application_fee").GetBoolean(), give.GetProperty("application_fee_refunded").GetInt64()));
        Assert.Equal([(alice, 1_200L), (bob, 600L)], Splits(give));
        // The last 3000: Alice and Bob give back all they still hold (2200), the fee the 800 they no longer can.
        Assert.Equal(800, rest.GetProperty("application_fee_refunded").GetInt64());
        Assert.Equal([(alice, 1_467L), (bob, 733L)], Splits(rest));

        var ledger = await StateRows.LedgerAsync(Host, Scope);
        var refunds = new[] { keep, give, rest }.Select(refund => Assert.Single(ledger, t => t.Reference == refund.GetProperty("id").GetString())).ToList();
        Assert.All(refunds, transaction => Assert.Equal(0, transaction.Postings.Sum(p => p.Amount)));
        Assert.DoesNotContain(refunds[0].Postings, p => p.Account == LedgerAccounts.Fee);
        Assert.Equal(-200, refunds[1].Postings.Single(p => p.Account == LedgerAccounts.Fee).Amount);
        Assert.Equal(-3_333, refunds[0].Postings.Single(p => p.Account == LedgerAccounts.Pending(alice)).Amount);
        var capture = Assert.Single(ledger, t => t.Reference == id);
        Assert.All(capture.Postings.Concat(refunds.SelectMany(t => t.Postings)).GroupBy(p => p.Account), account => Assert.Equal(0, account.Sum(p => p.Amount)));
    }

    [Fact]
    public async Task An_integration_pinned_before_2026_12_02_keeps_the_old_rule_the_fee_gives_back_its_share_and_may_not_name_the_member()
    {
        var alice = await client.AccountAsync("Alice");
        var id = (await client.PayAsync(token, 10_000, fee: 1_000, splits: [new { account = alice, amount = 9_000 }])).GetProperty("id").GetString()!;

        using var old = await Host.SendAsync(HttpMethod.Post, $"v1/payments/{id}/refunds", client.Merchant.SecretKey, new { amount = 5_000 }, Guid.NewGuid().ToString(), version: "2026-12-01");
        using var named = await Host.SendAsync(HttpMethod.Post, $"v1/payments/{id}/refunds", client.Merchant.SecretKey, new { amount = 1_000, refund_application_fee = false }, Guid.NewGuid().ToString(), version: "2026-12-01");
        var newest = await RefundAsync(id, new { amount = 1_000 });

        var refund = await PaymentClient.ExpectAsync(old, HttpStatusCode.Created);
        Assert.Equal((true, 500L), (refund.GetProperty("refund_application_fee").GetBoolean(), refund.GetProperty("application_fee_refunded").GetInt64()));
        Assert.Equal([(alice, 4_500L)], Splits(refund));
        await Problem.AssertAsync(named, 400, "parameter_unknown", "refund_application_fee");
        Assert.Equal((false, 0L), (newest.GetProperty("refund_application_fee").GetBoolean(), newest.GetProperty("application_fee_refunded").GetInt64()));
    }

    [Theory]
    [InlineData("""{"refund_application_fee":"yes"}""")]
    [InlineData("""{"refund_application_fee":1}""")]
    [InlineData("""{"refund_application_fee":"true"}""")]
    public async Task A_refund_application_fee_that_is_not_a_boolean_is_400_and_refunds_nothing(string body)
    {
        var id = (await client.PayAsync(token, 1_000, fee: 100)).GetProperty("id").GetString()!;

        using var response = await Host.SendAsync(HttpMethod.Post, $"v1/payments/{id}/refunds", client.Merchant.SecretKey, body, Guid.NewGuid().ToString());

        await Problem.AssertAsync(response, 400, "parameter_invalid", "refund_application_fee");
        var payment = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{id}"), HttpStatusCode.OK);
        Assert.Equal(0, payment.GetProperty("amount_refunded").GetInt64());
    }

    private async Task<System.Text.Json.JsonElement> RefundAsync(string id, object body) =>
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", body, Guid.NewGuid().ToString()), HttpStatusCode.Created);

    private static List<(string, long)> Splits(System.Text.Json.JsonElement refund) =>
        refund.GetProperty("splits").EnumerateArray().Select(split => (split.GetProperty("account").GetString()!, split.GetProperty("amount").GetInt64())).ToList();
}
