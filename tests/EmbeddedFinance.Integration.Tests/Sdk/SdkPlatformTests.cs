using System.Collections.Concurrent;
using System.Net;
using EmbeddedFinance.Client;
using EmbeddedFinance.Client.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>The SDK against the real development host over sockets: every resource, paging, typed errors, idempotent retries, and the platform's own deliveries verified.</summary>
public sealed class SdkPlatformTests : HostedTest
{
    private const string Visa = "4242 4242 4242 4242";

    protected override bool UsesWebhookReceiver => true;

    private EmbeddedFinanceClient Admin => new(TestHost.AdminKey, Host.Client.BaseAddress);

    private async Task<(EmbeddedFinanceClient Client, Merchant Merchant)> NewMerchantAsync()
    {
        using var admin = Admin;
        var merchant = await admin.Merchants.CreateAsync(new CreateMerchantRequest { Name = "SDK Rides", Country = "US", DefaultCurrency = "usd" });
        return (new EmbeddedFinanceClient(merchant.ApiKeys!.SecretTest, Host.Client.BaseAddress), merchant);
    }

    private static Task<Token> TokenAsync(EmbeddedFinanceClient client, Merchant merchant, string number = Visa) =>
        client.Tokens.CreateAsync(new CreateTokenRequest { Card = new CardInput { Number = number, ExpMonth = 12, ExpYear = 2030, Cvc = "123" } },
            new RequestOptions { ApiKey = merchant.ApiKeys!.PublishableTest });

    private static Task<Account> DriverAsync(EmbeddedFinanceClient client, string name = "Dana") => client.Accounts.CreateAsync(new CreateAccountRequest
    {
        DisplayName = name,
        Email = $"{name.ToLowerInvariant()}@example.com",
        Country = "US",
        DefaultCurrency = "usd",
        PayoutDestination = new PayoutDestinationInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
    });

    [Fact]
    public async Task Every_resource_round_trips_through_the_SDK()
    {
        var (client, merchant) = await NewMerchantAsync();
        using var _ = client;

        Assert.Equal("ok", (await client.GetHealthAsync()).Status);
        Assert.Equal(merchant.Id, (await client.Merchants.GetAsync(merchant.Id)).Id);
        Assert.Equal(ApiVersion.Pinned, Assert.Single((await client.Merchants.ListApiVersionsAsync()).Data, version => version.Newest).Id);
        Assert.Equal(ApiVersion.Pinned, (await client.Merchants.UpdateAsync(merchant.Id, new UpdateMerchantRequest { ApiVersion = ApiVersion.Pinned })).ApiVersion);

        // Accounts and tokens.
        var driver = await DriverAsync(client);
        Assert.Equal("6789", driver.PayoutDestination!.Last4);
        Assert.Equal(driver.Id, (await client.Accounts.GetAsync(driver.Id)).Id);
        Assert.Equal("weekly", (await client.Accounts.UpdateAsync(driver.Id, new UpdateAccountRequest { PayoutSchedule = new PayoutSchedule { Interval = "weekly", WeeklyAnchor = "friday" } })).PayoutSchedule!.Interval);
        Assert.Contains((await client.Accounts.ListAsync()).Data, account => account.Id == driver.Id);
        var token = await TokenAsync(client, merchant);
        Assert.Equal(("visa", "4242"), (token.Card.Brand, token.Card.Last4));
        Assert.Equal(token.Id, (await client.Tokens.GetAsync(token.Id)).Id);

        // Payments: charge with a split, refund; authorize, capture; authorize, cancel.
        var ride = await client.Payments.CreateAsync(new CreatePaymentRequest
        {
            Amount = 2000, Currency = "usd", PaymentMethod = token.Id, ApplicationFeeAmount = 300,
            Splits = [new Split { Account = driver.Id, Amount = 1700 }], Metadata = new Dictionary<string, string> { ["ride"] = "8812" },
        });
        Assert.Equal(("succeeded", 2000L, "8812"), (ride.Status, ride.AmountCaptured, ride.Metadata["ride"]));
        var refund = await client.Payments.RefundAsync(ride.Id, new RefundPaymentRequest { Amount = 200 });
        Assert.Equal((ride.Id, 200L), (refund.Payment, refund.Amount));
        var held = await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 1000, Currency = "usd", PaymentMethod = token.Id, CaptureMethod = "manual" });
        Assert.Equal("requires_capture", held.Status);
        Assert.Equal(600, (await client.Payments.CaptureAsync(held.Id, new CapturePaymentRequest { Amount = 600 })).AmountCaptured);
        var canceled = await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 500, Currency = "usd", PaymentMethod = token.Id, CaptureMethod = "manual" });
        Assert.Equal("canceled", (await client.Payments.CancelAsync(canceled.Id)).Status);
        Assert.Equal(200, (await client.Payments.GetAsync(ride.Id)).AmountRefunded);
        Assert.Equal([ride.Id, held.Id, canceled.Id], (await client.Payments.ListAsync()).Data.Select(payment => payment.Id));

        // Balance, ledger, payouts.
        await Eventually.HoldsAsync(async () => (await client.Accounts.GetBalanceAsync(driver.Id)).Available.Sum(amount => amount.Amount) > 0, "the driver's share available");
        var available = (await client.Accounts.GetBalanceAsync(driver.Id)).Available.Single(amount => amount.Currency == "usd").Amount;
        Assert.NotEmpty((await client.Ledger.ListTransactionsAsync(account: driver.Id)).Data);
        Assert.All((await client.Ledger.ListTransactionsAsync()).Data, transaction => Assert.Equal(0, transaction.Postings.Sum(posting => posting.Amount)));
        await client.Accounts.UpdateAsync(driver.Id, new UpdateAccountRequest
        {
            Individual = new IndividualInput
            {
                FirstName = "Dana", LastName = "Driver", Dob = new DateOfBirth { Day = 1, Month = 1, Year = 1990 },
                Address = new AddressInput { Line1 = "1 Main St", City = "San Francisco", State = "CA", PostalCode = "94105" }, IdNumberLast4 = "0000",
            },
        });
        await Eventually.HoldsAsync(async () => (await client.Accounts.GetAsync(driver.Id)).PayoutsEnabled, "the driver verified");
        var payout = await client.Payouts.CreateAsync(new CreatePayoutRequest { Account = driver.Id, Amount = available, Currency = "usd" });
        Assert.Equal(payout.Id, (await client.Payouts.GetAsync(payout.Id)).Id);
        Assert.Equal([payout.Id], (await client.Payouts.ListAsync(account: driver.Id)).Data.Select(p => p.Id));
        Assert.Empty((await client.Disputes.ListAsync()).Data);

        // Webhook endpoints and events.
        var endpoint = await client.WebhookEndpoints.CreateAsync(new CreateWebhookEndpointRequest { Url = Receiver.Url("round-trip"), EnabledEvents = ["*"] });
        Assert.StartsWith("whsec_", endpoint.Secret);
        Assert.Null((await client.WebhookEndpoints.GetAsync(endpoint.Id)).Secret);
        Assert.Equal("ops", (await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new UpdateWebhookEndpointRequest { Description = "ops" })).Description);
        Assert.Equal([endpoint.Id], (await client.WebhookEndpoints.ListAsync()).Data.Select(e => e.Id));
        Assert.StartsWith("whsec_", (await client.WebhookEndpoints.RotateSecretAsync(endpoint.Id)).Secret);
        var succeeded = Assert.Single((await client.Events.ListAsync(type: EventTypes.PaymentSucceeded)).Data);
        Assert.Equal(ride.Id, Assert.IsType<Payment>((await client.Events.GetAsync(succeeded.Id)).DataObject).Id);
        Assert.Equal([endpoint.Id], (await client.Events.RedeliverAsync(succeeded.Id, endpoint.Id)).Endpoints);
        await Eventually.HoldsAsync(async () => (await client.Events.ListDeliveriesAsync(succeeded.Id)).Data.Any(attempt => attempt.Manual && attempt.Status == "succeeded"), "the redelivery recorded");
        Assert.True((await client.WebhookEndpoints.DeleteAsync(endpoint.Id)).IsDeleted);

        // Keys and OAuth clients.
        var restricted = await client.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "reporting", Permissions = new Dictionary<string, string> { ["payments"] = "read" } });
        Assert.StartsWith("rk_test_", restricted.Secret);
        Assert.Contains((await client.ApiKeys.ListAsync()).Data, key => key.Id == restricted.Id && key.Secret is null);
        var rolled = await client.ApiKeys.RollAsync(restricted.Id, new RollApiKeyRequest { ExpirePreviousInSeconds = 0 });
        Assert.True((await client.ApiKeys.RevokeAsync(rolled.Id)).IsDeleted);
        var partner = await client.OAuthClients.CreateAsync(new CreateOAuthClientRequest { Name = "accounting", Scopes = ["payments:read"] });
        Assert.Contains((await client.OAuthClients.ListAsync()).Data, c => c.Id == partner.Id);
        var token2 = await client.OAuth.RequestTokenAsync(partner.ClientId, partner.ClientSecret!, "payments:read");
        using (var asPartner = new EmbeddedFinanceClient(token2.AccessToken, Host.Client.BaseAddress))
        {
            Assert.Equal(3, (await asPartner.Payments.ListAsync()).Data.Count);
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<ApiException>(() => asPartner.Payouts.ListAsync())).Code);
        }
        Assert.True((await client.OAuthClients.RevokeAsync(partner.Id)).IsDeleted);

        // The operator's routes.
        using var admin = Admin;
        Assert.Empty((await admin.Admin.ReconcileAsync()).Unbalanced);
        Assert.NotEmpty((await admin.Admin.ListPoisonQueuesAsync()).Data);
        Assert.True((await admin.Admin.VerifyAuditTrailAsync(merchant.Id + "|test")).Valid);
    }

    [Fact]
    public async Task Lists_page_automatically_in_order_and_a_page_says_has_more()
    {
        var (client, _) = await NewMerchantAsync();
        using var __ = client;
        var created = new List<string>();
        for (var i = 0; i < 5; i++) created.Add((await DriverAsync(client, $"Driver{i}")).Id);

        var first = await client.Accounts.ListAsync(new ListOptions { Limit = 2 });
        var all = new List<string>();
        await foreach (var account in client.Accounts.ListAllAsync(new ListOptions { Limit = 2 })) all.Add(account.Id);
        var afterSecond = new List<string>();
        await foreach (var account in client.Accounts.ListAllAsync(new ListOptions { Limit = 2, StartingAfter = created[1] })) afterSecond.Add(account.Id);

        Assert.True(first.HasMore);
        Assert.Equal(created.Take(2), first.Data.Select(account => account.Id));
        Assert.Equal(created, all);
        Assert.Equal(created.Skip(2), afterSecond);
    }

    [Fact]
    public async Task Errors_arrive_as_one_typed_ApiException_with_code_param_request_id_and_problem()
    {
        var (client, merchant) = await NewMerchantAsync();
        using var __ = client;

        var incorrect = await Assert.ThrowsAsync<ApiException>(() => TokenAsync(client, merchant, "4242 4242 4242 4241"));
        Assert.Equal((HttpStatusCode.BadRequest, "incorrect_number", "card.number"), (incorrect.StatusCode, incorrect.Code, incorrect.Param));
        Assert.StartsWith("req_", incorrect.RequestId);

        var declined = await Assert.ThrowsAsync<ApiException>(async () =>
            await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 1000, Currency = "usd", PaymentMethod = (await TokenAsync(client, merchant, "4000 0000 0000 0002")).Id }));
        Assert.Equal((HttpStatusCode.PaymentRequired, "card_declined"), (declined.StatusCode, declined.Code));
        Assert.Equal("failed", (await client.Payments.GetAsync(declined.ProblemMember("payment")!)).Status);

        Assert.Equal("resource_missing", (await Assert.ThrowsAsync<ApiException>(() => client.Payments.GetAsync("pay_missing"))).Code);
        using var stranger = new EmbeddedFinanceClient("sk_test_nobody", Host.Client.BaseAddress);
        var unauthenticated = await Assert.ThrowsAsync<ApiException>(() => stranger.Payments.ListAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (unauthenticated.StatusCode, unauthenticated.Code));
        Assert.Equal(unauthenticated.RequestId, unauthenticated.Problem!.Value.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task A_payment_whose_answer_is_lost_to_503_twice_is_created_once()
    {
        var (direct, merchant) = await NewMerchantAsync();
        using var __ = direct;
        var token = await TokenAsync(direct, merchant);
        var replayed = new ConcurrentQueue<string>();
        var platform = Host.Client.BaseAddress!;
        await using var proxy = await RetryStub.StartAsync(
            Forwarding.To(platform, replayed: replayed), Forwarding.To(platform, lostAs: 503, replayed), Forwarding.To(platform, lostAs: 503, replayed));
        using var client = new EmbeddedFinanceClient(new EmbeddedFinanceClientOptions { ApiKey = merchant.ApiKeys!.SecretTest, ApiBase = proxy.ApiBase, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var payment = await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 2000, Currency = "usd", PaymentMethod = token.Id });

        Assert.Equal(3, proxy.Requests.Count);
        Assert.Single(proxy.Requests.Select(request => request.IdempotencyKey).Distinct());
        Assert.Equal(["true", "true"], replayed);
        Assert.Equal([payment.Id], (await direct.Payments.ListAsync()).Data.Select(p => p.Id));
    }

    [Fact]
    public async Task Deliveries_from_the_platform_verify_with_the_SDK_before_and_during_a_secret_rotation()
    {
        var (client, merchant) = await NewMerchantAsync();
        using var __ = client;
        var endpoint = await client.WebhookEndpoints.CreateAsync(new CreateWebhookEndpointRequest { Url = Receiver.Url("sdk"), EnabledEvents = [EventTypes.PaymentSucceeded] });
        var first = await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 1500, Currency = "usd", PaymentMethod = (await TokenAsync(client, merchant)).Id });
        await Eventually.HoldsAsync(() => Receiver.On("sdk").Count == 1, "the first delivery");

        var delivery = Receiver.On("sdk")[0];
        var verified = new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body, name => delivery.Headers.TryGetValue(name, out var value) ? value : null);
        Assert.Equal((delivery.WebhookId, first.Id, 1500L), (verified.Id, Assert.IsType<Payment>(verified.DataObject).Id, verified.DataObjectAs<Payment>().Amount));

        var rotated = await client.WebhookEndpoints.RotateSecretAsync(endpoint.Id, new RotateWebhookSecretRequest { ExpirePreviousInSeconds = 3600 });
        await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = 1600, Currency = "usd", PaymentMethod = (await TokenAsync(client, merchant)).Id });
        await Eventually.HoldsAsync(() => Receiver.On("sdk").Count == 2, "the second delivery");
        var during = Receiver.On("sdk")[1];
        Assert.Equal(2, during.Headers["webhook-signature"].Split(' ').Length);
        foreach (var secret in new[] { endpoint.Secret!, rotated.Secret! })
        {
            Assert.Equal(during.WebhookId, new WebhookVerifier(secret).Verify(during.Body, name => during.Headers.TryGetValue(name, out var value) ? value : null).Id);
        }
        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(WebhookSigner.NewSecret()).Verify(during.Body, name => during.Headers.TryGetValue(name, out var value) ? value : null));
    }
}
