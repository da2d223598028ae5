using System.Net;
using EmbeddedFinance.Client;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// The SDK's risk surface (a payment's risk, held payments approved or rejected, blocks as <c>payment_blocked</c>, the
/// rules), the events and ledger filters by object, and portal sessions, against the real development host over sockets.
/// </summary>
public sealed class SdkRiskAndPortalTests : HostedTest
{
    private const string ElevatedCard = "4000 0000 0000 9235";
    private const string HighestCard = "4000 0000 0000 4954";

    // Test hosts start with screening off; these tests are about it.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Risk:Enabled"] = "true" };

    private async Task<EmbeddedFinanceClient> NewMerchantAsync() => new((await Host.CreateMerchantAsync()).SecretKey, Host.Client.BaseAddress);

    private static async Task<Payment> PayAsync(EmbeddedFinanceClient client, string card, long amount = 5000)
    {
        var token = await client.Tokens.CreateAsync(new CreateTokenRequest { Card = new CardInput { Number = card, ExpMonth = 12, ExpYear = 2030, Cvc = "123" } });
        return await client.Payments.CreateAsync(new CreatePaymentRequest
        {
            Amount = amount, Currency = "usd", PaymentMethod = token.Id, Client = new PaymentClient { IpAddress = "203.0.113.7", Country = "US" },
        });
    }

    [Fact]
    public async Task A_payment_on_the_elevated_card_is_held_with_its_risk_and_approve_or_reject_decides_it_with_review_events_about_it()
    {
        using var client = await NewMerchantAsync();

        var held = await PayAsync(client, ElevatedCard);
        var released = await PayAsync(client, ElevatedCard, 3000);

        Assert.Equal(("requires_review", 0L), (held.Status, held.AmountCaptured));
        Assert.Equal("elevated", held.Risk!.Level);
        Assert.InRange(held.Risk.Score, 65, 74);
        Assert.Contains("sandbox_card", held.Risk.Rules);
        var approved = await client.Payments.ApproveAsync(held.Id);
        Assert.Equal(("succeeded", 5000L, "elevated"), (approved.Status, approved.AmountCaptured, approved.Risk!.Level));
        Assert.Equal("canceled", (await client.Payments.RejectAsync(released.Id)).Status);
        Assert.Equal("state_invalid", (await Assert.ThrowsAsync<ApiException>(() => client.Payments.RejectAsync(held.Id))).Code);

        var history = (await client.Events.ListAsync(objectId: held.Id)).Data;
        // Approval is two facts in one batch (in no set order): the review closed, and the payment succeeded.
        Assert.Equal(EventTypes.ReviewOpened, history[0].Type);
        Assert.Equal([EventTypes.PaymentSucceeded, EventTypes.ReviewClosed], history.Skip(1).Select(item => item.Type).Order());
        Assert.Equal(["requires_review", "succeeded", "succeeded"], history.Select(item => Assert.IsType<Payment>(item.DataObject).Status));
        await Eventually.HoldsAsync(async () => (await client.Ledger.ListTransactionsAsync(reference: held.Id)).Data.Count > 0, "the approved capture posted");
        Assert.All((await client.Ledger.ListTransactionsAsync(reference: held.Id)).Data, transaction => Assert.Equal(held.Id, transaction.Reference));
        Assert.Empty((await client.Ledger.ListTransactionsAsync(reference: released.Id)).Data);
    }

    [Fact]
    public async Task The_highest_card_is_blocked_as_payment_blocked_and_rules_written_through_the_SDK_take_effect()
    {
        using var client = await NewMerchantAsync();

        var blocked = await Assert.ThrowsAsync<ApiException>(() => PayAsync(client, HighestCard));
        Assert.Equal((HttpStatusCode.PaymentRequired, "payment_blocked"), (blocked.StatusCode, blocked.Code));
        var failed = await client.Payments.GetAsync(blocked.ProblemMember("payment")!);
        Assert.Equal(("failed", "blocked", "highest"), (failed.Status, failed.FailureCode, failed.Risk!.Level));

        var defaults = await client.Risk.GetRulesAsync();
        Assert.Equal((RiskActions.Review, RiskActions.Block, 20), (defaults.ElevatedAction, defaults.HighestAction, defaults.CardVelocity.Limit));
        var stored = await client.Risk.ReplaceRulesAsync(ReplaceRiskRulesRequest.From(defaults) with
        {
            ElevatedAction = RiskActions.Block, CardVelocity = defaults.CardVelocity with { Limit = 10, Action = RiskActions.Block },
        });
        Assert.Equal(defaults with { ElevatedAction = RiskActions.Block, CardVelocity = new VelocityRule { Limit = 10, WindowSeconds = 60, Action = RiskActions.Block } }, stored);
        Assert.Equal(stored, await client.Risk.GetRulesAsync());
        Assert.Equal("payment_blocked", (await Assert.ThrowsAsync<ApiException>(() => PayAsync(client, ElevatedCard))).Code);
        Assert.Equal(defaults, await client.Risk.ReplaceRulesAsync(new ReplaceRiskRulesRequest()));
    }

    [Fact]
    public async Task A_portal_session_made_through_the_SDK_has_a_sign_in_url_its_lifetime_and_embed_flag()
    {
        using var client = await NewMerchantAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var embedded = await client.PortalSessions.CreateAsync(new CreatePortalSessionRequest { ExpiresInSeconds = 300, Embed = true });
        var dashboard = await client.PortalSessions.CreateAsync();

        Assert.StartsWith("ps_", embedded.Id);
        Assert.Contains("token=pst_test_", embedded.Url);
        Assert.Equal((true, false), (embedded.Embed, embedded.Livemode));
        Assert.InRange(embedded.ExpiresAt, before + 300, before + 302);
        Assert.False(dashboard.Embed);
        Assert.InRange(dashboard.ExpiresAt, before + 900, before + 902);
        Assert.NotEqual(embedded.Url, dashboard.Url);
        var tooLong = await Assert.ThrowsAsync<ApiException>(() => client.PortalSessions.CreateAsync(new CreatePortalSessionRequest { ExpiresInSeconds = 7200 }));
        Assert.Equal(("parameter_invalid", "expires_in_seconds"), (tooLong.Code, tooLong.Param));
    }
}
