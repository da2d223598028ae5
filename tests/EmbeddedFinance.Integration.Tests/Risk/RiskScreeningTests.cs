using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EmbeddedFinance.Integration.Tests.Risk;

/// <summary>Risk screening on the payment path, over HTTP on Azurite: velocity, review, block, approve and reject.</summary>
public sealed class RiskScreeningTests : HostedTest
{
    private readonly Mock<IAcquirer> acquirer = new();
    private PaymentClient client = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Risk:Enabled"] = "true" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        var sandbox = new SandboxAcquirer();
        acquirer.Setup(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()))
            .Returns<AuthorizableCard, Money, CancellationToken>(sandbox.AuthorizeAsync);
        services.AddSingleton(acquirer.Object);
    }

    protected override async Task ArrangeAsync() => client = new PaymentClient(Host, await Host.CreateMerchantAsync());

    private string Scope => client.Merchant.Id + ":test";

    private static string Status(JsonElement payment) => payment.GetProperty("status").GetString()!;

    private static IEnumerable<string> Rules(JsonElement payment) => payment.GetProperty("risk").GetProperty("rules").EnumerateArray().Select(rule => rule.GetString()!);

    private async Task<(HttpStatusCode Status, JsonElement Body)> TryPayAsync(string token, long amount = 2_000)
    {
        using var response = await client.CreateAsync(new { amount, currency = "usd", payment_method = token });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private void AcquirerNeverSaw(string token) =>
        acquirer.Verify(a => a.AuthorizeAsync(It.Is<AuthorizableCard>(card => card.Token.Id == token), It.IsAny<Money>(), It.IsAny<CancellationToken>()), Times.Never);

    [Fact]
    public async Task Twenty_payments_in_a_minute_on_one_card_go_through_and_the_21st_is_held_for_review()
    {
        var token = await client.TokenAsync();

        for (var i = 1; i <= 20; i++)
        {
            var payment = await client.PayAsync(token);
            Assert.True(Status(payment) == "succeeded" && !Rules(payment).Any(), $"payment {i}: {payment}");
        }
        var held = await client.PayAsync(token);

        Assert.Equal("requires_review", Status(held));
        Assert.Contains(RiskRuleNames.CardVelocity, Rules(held));
        Assert.Equal("elevated", held.GetProperty("risk").GetProperty("level").GetString());
        Assert.Equal((0L, false), (held.GetProperty("amount_captured").GetInt64(), held.TryGetProperty("settlement_status", out _)));
        Assert.Equal(1, await Host.CountEventsAsync(Scope, EventTypes.ReviewOpened));
        acquirer.Verify(a => a.AuthorizeAsync(It.IsAny<AuthorizableCard>(), It.IsAny<Money>(), It.IsAny<CancellationToken>()), Times.Exactly(21));
    }

    [Fact]
    public async Task With_velocity_set_to_block_the_21st_is_402_payment_blocked_a_failed_payment_and_never_reaches_the_acquirer()
    {
        await PayloadAsync(HttpMethod.Put, "v1/risk/rules", new { card_velocity = new { limit = 20, window_seconds = 60, action = "block" } }, HttpStatusCode.OK);
        var token = await client.TokenAsync();
        for (var i = 1; i <= 20; i++) await client.PayAsync(token);
        acquirer.Invocations.Clear();

        var (status, problem) = await TryPayAsync(token);

        Assert.Equal(HttpStatusCode.PaymentRequired, status);
        Assert.Equal("payment_blocked", problem.GetProperty("code").GetString());
        var stored = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{problem.GetProperty("payment").GetString()}"), HttpStatusCode.OK);
        Assert.Equal(("failed", "blocked"), (Status(stored), stored.GetProperty("failure_code").GetString()));
        Assert.Contains(RiskRuleNames.CardVelocity, Rules(stored));
        AcquirerNeverSaw(token);
    }

    [Fact]
    public async Task The_highest_risk_sandbox_card_is_blocked_without_the_acquirer_and_the_elevated_one_is_held()
    {
        var highest = await client.TokenAsync(SandboxRiskCards.Highest);
        var elevated = await client.TokenAsync(SandboxRiskCards.Elevated);

        var (status, problem) = await TryPayAsync(highest);
        var held = await client.PayAsync(elevated);

        Assert.Equal((HttpStatusCode.PaymentRequired, "payment_blocked"), (status, problem.GetProperty("code").GetString()));
        AcquirerNeverSaw(highest);
        Assert.Equal(("requires_review", "elevated"), (Status(held), held.GetProperty("risk").GetProperty("level").GetString()));
        Assert.Contains(RiskRuleNames.SandboxCard, Rules(held));
    }

    [Fact]
    public async Task Approving_a_held_payment_captures_it_and_it_settles()
    {
        var account = await client.AccountAsync();
        var token = await client.TokenAsync(SandboxRiskCards.Elevated);
        var held = await PaymentClient.ExpectAsync(await client.CreateAsync(new { amount = 2_000, currency = "usd", payment_method = token, application_fee_amount = 200, splits = new[] { new { account, amount = 1_800 } } }), HttpStatusCode.Created);
        var id = held.GetProperty("id").GetString()!;
        Assert.Equal("requires_review", Status(held));
        Assert.Equal(0, await LedgerTransactionsAsync());

        var approved = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/approve"), HttpStatusCode.OK);

        Assert.Equal(("succeeded", 2_000L), (Status(approved), approved.GetProperty("amount_captured").GetInt64()));
        Assert.Equal(1, await LedgerTransactionsAsync());
        Assert.Equal(1, await Host.CountEventsAsync(Scope, EventTypes.ReviewClosed));
        Assert.Equal(1, await Host.CountEventsAsync(Scope, EventTypes.PaymentSucceeded));
        await Eventually.HoldsAsync(async () => await client.BalanceAsync(account, "available") == 1_800, "the approved payment settled to the split account");
        var again = await client.PostAsync($"v1/payments/{id}/approve");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Rejecting_a_held_payment_releases_its_authorization_and_nothing_is_posted_or_settled()
    {
        var token = await client.TokenAsync(SandboxRiskCards.Elevated);
        var id = (await client.PayAsync(token)).GetProperty("id").GetString()!;

        var rejected = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/reject"), HttpStatusCode.OK);

        Assert.Equal(("canceled", 0L), (Status(rejected), rejected.GetProperty("amount_captured").GetInt64()));
        Assert.Equal(0, await LedgerTransactionsAsync());
        Assert.Equal(1, await Host.CountEventsAsync(Scope, EventTypes.ReviewClosed));
        Assert.Equal(1, await Host.CountEventsAsync(Scope, EventTypes.PaymentCanceled));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"v1/payments/{id}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"v1/payments/{id}/capture")).StatusCode);
    }

    [Fact]
    public async Task Rules_are_stored_and_read_back_and_a_bad_member_is_a_400_naming_it_that_changes_nothing()
    {
        var defaults = await PayloadAsync(HttpMethod.Get, "v1/risk/rules", null, HttpStatusCode.OK);
        Assert.Equal(20, defaults.GetProperty("card_velocity").GetProperty("limit").GetInt32());

        await PayloadAsync(HttpMethod.Put, "v1/risk/rules", new { decline_burst = new { limit = 3, window_seconds = 120, action = "review" }, highest_action = "review" }, HttpStatusCode.OK);
        var bad = await PayloadAsync(HttpMethod.Put, "v1/risk/rules", new { card_velocity = new { window_seconds = 5 } }, HttpStatusCode.BadRequest);
        var unknown = await PayloadAsync(HttpMethod.Put, "v1/risk/rules", new { velocity = 3 }, HttpStatusCode.BadRequest);
        var stored = await PayloadAsync(HttpMethod.Get, "v1/risk/rules", null, HttpStatusCode.OK);

        Assert.Equal(("parameter_invalid", "card_velocity.window_seconds"), (bad.GetProperty("code").GetString(), bad.GetProperty("param").GetString()));
        Assert.Equal("parameter_unknown", unknown.GetProperty("code").GetString());
        Assert.Equal((3, 120, "review"), (stored.GetProperty("decline_burst").GetProperty("limit").GetInt32(),
            stored.GetProperty("decline_burst").GetProperty("window_seconds").GetInt32(), stored.GetProperty("decline_burst").GetProperty("action").GetString()));
        Assert.Equal(("review", 20), (stored.GetProperty("highest_action").GetString(), stored.GetProperty("card_velocity").GetProperty("limit").GetInt32()));
        // Stored, not only cached: the rules row is in the merchant's partition.
        var row = await Host.Tables.GetTableClient(Host.Storage.StateTable).GetEntityIfExistsAsync<TableEntity>(Scope, "riskrules|current");
        Assert.True(row.HasValue);
    }

    private async Task<int> LedgerTransactionsAsync() =>
        (await PaymentClient.ExpectAsync(await client.GetAsync("v1/ledger/transactions?limit=100"), HttpStatusCode.OK)).GetProperty("data").GetArrayLength();

    private async Task<JsonElement> PayloadAsync(HttpMethod method, string path, object? body, HttpStatusCode expected) =>
        await PaymentClient.ExpectAsync(await Host.SendAsync(method, path, client.Merchant.SecretKey, body), expected);
}
