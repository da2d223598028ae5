using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Payments;

public sealed class PaymentLifecycleTests : HostedTest
{
    private PaymentClient client = null!;
    private PaymentClient other = null!;
    private string token = null!;

    private string Scope => MerchantScope.Of(client.Merchant.Id, Mode.Test);

    // These tests read the outbox rows each change writes: the relay must not take them first.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Schedules:SweepOutbox"] = "0 0 0 1 1 *" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<EmbeddedFinance.Core.Outbox.IOutboxNudge, NoNudge>();

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync("Ride Co"));
        other = new PaymentClient(Host, await Host.CreateMerchantAsync("Market Co"));
        token = await client.TokenAsync();
    }

    [Fact]
    public async Task An_approved_card_makes_a_succeeded_payment_carrying_only_tokenized_card_data()
    {
        var payment = await client.PayAsync(token, amount: 2_500);

        Assert.StartsWith("pay_", payment.GetProperty("id").GetString());
        Assert.Equal("payment", payment.GetProperty("object").GetString());
        Assert.Equal("succeeded", payment.GetProperty("status").GetString());
        Assert.Equal(2_500, payment.GetProperty("amount_captured").GetInt64());
        Assert.Equal(0, payment.GetProperty("amount_refunded").GetInt64());
        Assert.Equal("pending", payment.GetProperty("settlement_status").GetString());
        var card = payment.GetProperty("card");
        Assert.Equal(token, card.GetProperty("token").GetString());
        Assert.Equal("visa", card.GetProperty("brand").GetString());
        Assert.Equal("4242", card.GetProperty("last4").GetString());
        Assert.Equal(["brand", "exp_month", "exp_year", "fingerprint", "last4", "token"], card.EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain("4242424242424242", payment.GetRawText());
    }

    [Theory]
    [InlineData("4000000000000002", "card_declined")]
    [InlineData("4000000000009995", "insufficient_funds")]
    [InlineData("4000000000000069", "expired_card")]
    public async Task A_declined_card_is_402_with_the_failed_payment_which_exists(string number, string code)
    {
        var declining = await client.TokenAsync(number);

        using var response = await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = declining });

        var problem = await Problem.AssertAsync(response, 402, code, "payment_method");
        var paymentId = problem.GetProperty("payment").GetString()!;
        var failed = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{paymentId}"), HttpStatusCode.OK);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(code, failed.GetProperty("failure_code").GetString());
        Assert.Equal(0, failed.GetProperty("amount_captured").GetInt64());
        Assert.DoesNotContain((await StateRows.LedgerAsync(Host, Scope)), t => t.Reference == paymentId);
        Assert.Single(await StateRows.EventsAsync(Host, Scope), e => e.Type == "payment.failed" && e.ObjectJson.Contains(paymentId));
    }

    [Fact]
    public async Task A_declined_payment_retried_with_its_key_replays_the_same_402_and_makes_no_second_payment()
    {
        var body = new { amount = 1_000, currency = "usd", payment_method = await client.TokenAsync("4000000000000002") };
        var key = Guid.NewGuid().ToString();
        var failedBefore = (await StateRows.EventsAsync(Host, Scope)).Count(e => e.Type == "payment.failed");

        using var first = await client.CreateAsync(body, key);
        using var second = await client.CreateAsync(body, key);

        Assert.Equal(HttpStatusCode.PaymentRequired, second.StatusCode);
        var original = await first.Content.ReadAsStringAsync();
        Assert.Equal(original, await second.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        // The replay is the first request's answer, request id included.
        Assert.Equal(first.Headers.GetValues("Request-Id").Single(), JsonDocument.Parse(original).RootElement.GetProperty("request_id").GetString());
        Assert.Equal(failedBefore + 1, (await StateRows.EventsAsync(Host, Scope)).Count(e => e.Type == "payment.failed"));
    }

    [Fact]
    public async Task Authorize_then_partial_capture_releases_the_rest_and_posts_only_what_was_captured()
    {
        var authorized = await client.PayAsync(token, amount: 10_000, capture: false);
        var id = authorized.GetProperty("id").GetString();
        Assert.Equal("requires_capture", authorized.GetProperty("status").GetString());
        Assert.Equal(0, authorized.GetProperty("amount_captured").GetInt64());

        var captured = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/capture", new { amount = 6_000 }), HttpStatusCode.OK);

        Assert.Equal("succeeded", captured.GetProperty("status").GetString());
        Assert.Equal(6_000, captured.GetProperty("amount_captured").GetInt64());
        var posted = Assert.Single(await StateRows.LedgerAsync(Host, Scope), t => t.Reference == id);
        Assert.Contains(new Posting(LedgerAccounts.Clearing, -6_000), posted.Postings);
        using var again = await client.PostAsync($"v1/payments/{id}/capture");
        await Problem.AssertAsync(again, 409, "state_invalid");
    }

    [Fact]
    public async Task Capture_beyond_the_authorized_amount_is_amount_invalid_and_changes_nothing()
    {
        var id = (await client.PayAsync(token, amount: 1_000, capture: false)).GetProperty("id").GetString();

        using var response = await client.PostAsync($"v1/payments/{id}/capture", new { amount = 1_001 });

        await Problem.AssertAsync(response, 400, "amount_invalid", "amount");
        var payment = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{id}"), HttpStatusCode.OK);
        Assert.Equal("requires_capture", payment.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Capture_after_cancel_is_rejected_with_state_invalid()
    {
        var id = (await client.PayAsync(token, capture: false)).GetProperty("id").GetString();

        var canceled = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/cancel"), HttpStatusCode.OK);
        using var capture = await client.PostAsync($"v1/payments/{id}/capture");
        using var cancelAgain = await client.PostAsync($"v1/payments/{id}/cancel");

        Assert.Equal("canceled", canceled.GetProperty("status").GetString());
        await Problem.AssertAsync(capture, 409, "state_invalid");
        await Problem.AssertAsync(cancelAgain, 409, "state_invalid");
    }

    [Fact]
    public async Task A_succeeded_payment_cannot_be_canceled_and_a_failed_one_cannot_be_captured_or_refunded()
    {
        var succeeded = (await client.PayAsync(token)).GetProperty("id").GetString();
        using var declined = await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = await client.TokenAsync("4000000000000002") });
        var failed = (await Problem.AssertAsync(declined, 402, "card_declined")).GetProperty("payment").GetString();

        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{succeeded}/cancel"), 409, "state_invalid");
        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{failed}/capture"), 409, "state_invalid");
        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{failed}/refunds", null, Guid.NewGuid().ToString()), 409, "state_invalid");
    }

    [Fact]
    public async Task Partial_then_full_refunds_never_exceed_what_was_captured()
    {
        var id = (await client.PayAsync(token, amount: 10_000)).GetProperty("id").GetString();

        var first = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", new { amount = 4_000 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        using var tooMuch = await client.PostAsync($"v1/payments/{id}/refunds", new { amount = 6_001 }, Guid.NewGuid().ToString());
        var rest = await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", null, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        using var more = await client.PostAsync($"v1/payments/{id}/refunds", new { amount = 1 }, Guid.NewGuid().ToString());
        var payment = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/payments/{id}"), HttpStatusCode.OK);

        Assert.StartsWith("re_", first.GetProperty("id").GetString());
        Assert.Equal(id, first.GetProperty("payment").GetString());
        Assert.Equal(4_000, first.GetProperty("amount").GetInt64());
        await Problem.AssertAsync(tooMuch, 400, "amount_invalid", "amount");
        Assert.Equal(6_000, rest.GetProperty("amount").GetInt64());
        await Problem.AssertAsync(more, 409, "state_invalid");
        Assert.Equal(10_000, payment.GetProperty("amount_refunded").GetInt64());
    }

    [Fact]
    public async Task Splits_and_the_fee_are_posted_to_each_party_and_a_full_refund_returns_exactly_what_each_received()
    {
        var alice = await client.AccountAsync("Alice");
        var bob = await client.AccountAsync("Bob");
        var id = (await client.PayAsync(token, amount: 10_001, capture: false, fee: 1_001, splits: [new { account = alice, amount = 6_000 }, new { account = bob, amount = 3_000 }]))
            .GetProperty("id").GetString()!;

        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/capture", new { amount = 7_777 }), HttpStatusCode.OK);
        var afterCapture = await StateRows.LedgerAsync(Host, Scope);
        var capture = Assert.Single(afterCapture, t => t.Reference == id);
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", new { amount = 1_234 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", null, Guid.NewGuid().ToString()), HttpStatusCode.Created);

        Assert.Equal(-7_777, capture.Postings.Single(p => p.Account == LedgerAccounts.Clearing).Amount);
        var alicePart = capture.Postings.Single(p => p.Account == LedgerAccounts.Pending(alice)).Amount;
        var bobPart = capture.Postings.Single(p => p.Account == LedgerAccounts.Pending(bob)).Amount;
        var feePart = capture.Postings.Single(p => p.Account == LedgerAccounts.Fee).Amount;
        Assert.Equal(7_777, alicePart + bobPart + feePart);
        Assert.InRange(alicePart, 4_665, 4_666);    // 6000/10001 of 7777
        Assert.InRange(feePart, 778, 779);          // 1001/10001 of 7777
        await StateRows.AssertEveryTransactionBalancesAsync(Host, Scope);
        var paymentPostings = (await StateRows.LedgerAsync(Host, Scope))
            .Where(t => t.Reference == id || t.Type == "payment.refund")
            .SelectMany(t => t.Postings)
            .Where(p => p.Account == LedgerAccounts.Pending(alice) || p.Account == LedgerAccounts.Pending(bob));
        Assert.All(paymentPostings.GroupBy(p => p.Account), account => Assert.Equal(0, account.Sum(p => p.Amount)));
    }

    [Fact]
    public async Task Every_state_change_yields_exactly_one_event_with_its_outbox_row()
    {
        var scopeEventsBefore = (await StateRows.EventsAsync(Host, Scope)).Count;
        var id = (await client.PayAsync(token, capture: false)).GetProperty("id").GetString()!;
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/capture"), HttpStatusCode.OK);
        await PaymentClient.ExpectAsync(await client.PostAsync($"v1/payments/{id}/refunds", new { amount = 100 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{id}/cancel"), 409, "state_invalid");

        var events = (await StateRows.EventsAsync(Host, Scope)).Where(e => e.ObjectJson.Contains(id)).OrderBy(e => e.RowKey).ToList();
        var outbox = (await StateRows.EventsAsync(Host, Scope, "outbox")).Where(e => e.ObjectJson.Contains(id)).ToList();

        Assert.Equal(["payment.requires_capture", "payment.captured", "payment.refunded"], events.Select(e => e.Type));
        Assert.Equal(events.Select(e => e.EventId).Order(), outbox.Select(e => e.EventId).Order());
        Assert.Equal(scopeEventsBefore + 3, (await StateRows.EventsAsync(Host, Scope)).Count);
        using var payload = JsonDocument.Parse(events[1].ObjectJson);
        Assert.Equal("succeeded", payload.RootElement.GetProperty("status").GetString());
    }

    public static TheoryData<string, string, string?> InvalidBodies => new()
    {
        { """{"currency":"usd","payment_method":"TOKEN"}""", "parameter_missing", "amount" },
        { """{"amount":0,"currency":"usd","payment_method":"TOKEN"}""", "amount_invalid", "amount" },
        { """{"amount":-5,"currency":"usd","payment_method":"TOKEN"}""", "amount_invalid", "amount" },
        { """{"amount":100000000,"currency":"usd","payment_method":"TOKEN"}""", "amount_invalid", "amount" },
        { """{"amount":10.5,"currency":"usd","payment_method":"TOKEN"}""", "parameter_invalid", "amount" },
        { """{"amount":"100","currency":"usd","payment_method":"TOKEN"}""", "parameter_invalid", "amount" },
        { """{"amount":99999999999999999999999,"currency":"usd","payment_method":"TOKEN"}""", "parameter_invalid", "amount" },
        { """{"amount":100,"payment_method":"TOKEN"}""", "parameter_missing", "currency" },
        { """{"amount":100,"currency":"xxx","payment_method":"TOKEN"}""", "currency_unsupported", "currency" },
        { """{"amount":100,"currency":"usd"}""", "parameter_missing", "payment_method" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","application_fee_amount":101}""", "amount_invalid", "application_fee_amount" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","application_fee_amount":-1}""", "amount_invalid", "application_fee_amount" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","splits":[{"account":"ACCOUNT","amount":50}]}""", "parameter_invalid", "splits" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","splits":[{"account":"ACCOUNT","amount":0}]}""", "amount_invalid", "splits[0].amount" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","splits":[{"account":"ACCOUNT","amount":50},{"account":"ACCOUNT","amount":50}]}""", "parameter_invalid", "splits[1].account" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","splits":[{"amount":100}]}""", "parameter_missing", "splits[0].account" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","capture_method":"yes"}""", "parameter_invalid", "capture_method" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","capture":true}""", "parameter_unknown", "capture" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","metadata":{"k":1}}""", "parameter_invalid", "metadata.k" },
        { """{"amount":100,"currency":"usd","payment_method":"TOKEN","customer":"x"}""", "parameter_unknown", "customer" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Every_invalid_payment_is_a_400_with_its_code_and_writes_nothing(string body, string code, string? param)
    {
        var account = await client.AccountAsync();
        var paymentsBefore = await Host.CountRowsAsync("payment");

        using var response = await client.CreateAsync(body.Replace("TOKEN", token).Replace("ACCOUNT", account));

        await Problem.AssertAsync(response, 400, code, param);
        Assert.Equal(paymentsBefore, await Host.CountRowsAsync("payment"));
    }

    [Fact]
    public async Task A_payment_without_an_idempotency_key_is_400_parameter_missing()
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/payments", client.Merchant.SecretKey, new { amount = 100, currency = "usd", payment_method = token });

        await Problem.AssertAsync(response, 400, "parameter_missing", "Idempotency-Key");
    }

    [Fact]
    public async Task Another_merchants_token_account_and_payment_are_404_wherever_they_are_used()
    {
        var foreignToken = await other.TokenAsync();
        var foreignAccount = await other.AccountAsync();
        var foreignPayment = (await other.PayAsync(foreignToken)).GetProperty("id").GetString();

        await Problem.AssertAsync(await client.CreateAsync(new { amount = 100, currency = "usd", payment_method = foreignToken }), 404, "resource_missing", "payment_method");
        await Problem.AssertAsync(await client.CreateAsync(new { amount = 100, currency = "usd", payment_method = token, splits = new[] { new { account = foreignAccount, amount = 100 } } }),
            404, "resource_missing", "splits[0].account");
        await Problem.AssertAsync(await client.GetAsync($"v1/payments/{foreignPayment}"), 404, "resource_missing");
        await Problem.AssertAsync(await client.GetAsync($"v1/accounts/{foreignAccount}"), 404, "resource_missing");
        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{foreignPayment}/refunds", null, Guid.NewGuid().ToString()), 404, "resource_missing");
        await Problem.AssertAsync(await client.PostAsync($"v1/payments/{foreignPayment}/capture"), 404, "resource_missing");
    }

    [Fact]
    public async Task A_publishable_key_cannot_touch_payments()
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/payments", client.Merchant.PublishableKey,
            new { amount = 100, currency = "usd", payment_method = token }, Guid.NewGuid().ToString());

        await Problem.AssertAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task Lists_page_through_payments_in_creation_order_with_a_stable_cursor()
    {
        var merchant = new PaymentClient(Host, await Host.CreateMerchantAsync("Lister"));
        var card = await merchant.TokenAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await merchant.PayAsync(card, amount: 100 + i)).GetProperty("id").GetString()!);

        var first = await PaymentClient.ExpectAsync(await merchant.GetAsync("v1/payments?limit=2"), HttpStatusCode.OK);
        var second = await PaymentClient.ExpectAsync(await merchant.GetAsync($"v1/payments?limit=2&starting_after={ids[1]}"), HttpStatusCode.OK);
        using var badLimit = await merchant.GetAsync("v1/payments?limit=101");

        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.Equal(ids.Take(2), first.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal([ids[2]], second.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.False(second.GetProperty("has_more").GetBoolean());
        await Problem.AssertAsync(badLimit, 400, "parameter_invalid", "limit");
    }
}
