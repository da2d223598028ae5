using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Payments;

/// <summary>A merchant's view of the API in payment tests: tokens, accounts, payments, over the real socket.</summary>
public sealed class PaymentClient(TestHost host, CreatedMerchant merchant)
{
    public CreatedMerchant Merchant => merchant;

    public async Task<string> TokenAsync(string number = "4242424242424242")
    {
        var body = await ExpectAsync(await host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, Vault.SandboxCards.Card(number)), HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>A US account; one with a payout destination (an account meant to be paid out) is verified before it is returned.</summary>
    public async Task<string> AccountAsync(string name = "Driver", object? payoutDestination = null)
    {
        var body = await ExpectAsync(await host.SendAsync(HttpMethod.Post, "v1/accounts", merchant.SecretKey,
            new { display_name = name, email = "driver@example.com", country = "US", default_currency = "usd", payout_destination = payoutDestination }), HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;
        if (payoutDestination is not null) await VerifyAsync(id);
        return id;
    }

    /// <summary>A complete US identity; the sandbox verifier's outcome follows <paramref name="last4"/> and <paramref name="dob"/> (API.md).</summary>
    public static object Individual(string last4 = "0000", (int Year, int Month, int Day)? dob = null) => new
    {
        first_name = "Dana",
        last_name = "Driver",
        dob = new { day = (dob ?? (1990, 5, 17)).Day, month = (dob ?? (1990, 5, 17)).Month, year = (dob ?? (1990, 5, 17)).Year },
        address = new { line1 = "1 Main Street", city = "Springfield", state = "IL", postal_code = "62701" },
        id_number_last4 = last4,
    };

    /// <summary>Supplies a verifying identity and waits until the sandbox verifier enabled payouts.</summary>
    public async Task VerifyAsync(string account)
    {
        await ExpectAsync(await host.SendAsync(HttpMethod.Patch, $"v1/accounts/{account}", merchant.SecretKey, new { individual = Individual() }), HttpStatusCode.OK);
        // A host where nothing runs behind the test (the growth tests': no nudge, no sweeps) never relays the submission to
        // the verification queue: run the verification that queue message would, as its trigger does.
        if (host.Services.GetRequiredService<IOutboxNudge>() is NoNudge)
        {
            await host.Services.GetRequiredService<VerifyIdentity>().HandleAsync(merchant.Id + ":test", account, CancellationToken.None);
        }
        await Eventually.HoldsAsync(async () => (await ExpectAsync(await GetAsync($"v1/accounts/{account}"), HttpStatusCode.OK)).GetProperty("payouts_enabled").GetBoolean(), "the account verified");
    }

    /// <summary>A US bank account of the sandbox rail; the last four digits of the account number choose the outcome.</summary>
    public static object UsBank(string accountNumber = "000123456789") =>
        new { type = "bank_account", country = "US", currency = "usd", routing_number = "110000000", account_number = accountNumber };

    /// <summary>The account's balance of one kind (available, pending, in_transit) in usd.</summary>
    public async Task<long> BalanceAsync(string account, string kind)
    {
        var balance = await ExpectAsync(await GetAsync($"v1/accounts/{account}/balance"), HttpStatusCode.OK);
        return balance.GetProperty(kind).EnumerateArray().Where(amount => amount.GetProperty("currency").GetString() == "usd").Sum(amount => amount.GetProperty("amount").GetInt64());
    }

    public Task<HttpResponseMessage> CreateAsync(object body, string? idempotencyKey = null) =>
        host.SendAsync(HttpMethod.Post, "v1/payments", merchant.SecretKey, body, idempotencyKey ?? Guid.NewGuid().ToString());

    public async Task<JsonElement> PayAsync(string token, long amount = 10_000, bool capture = true, long fee = 0, object[]? splits = null) =>
        await ExpectAsync(await CreateAsync(new { amount, currency = "usd", payment_method = token, capture_method = capture ? "automatic" : "manual", application_fee_amount = fee, splits }), HttpStatusCode.Created);

    /// <summary>Pays <paramref name="amount"/> to the account through a split (plus a 500 fee) and waits until settlement made it available.</summary>
    public async Task FundAsync(string token, string account, long amount)
    {
        var before = await BalanceAsync(account, "available");
        await PayAsync(token, amount + 500, fee: 500, splits: [new { account, amount }]);
        await Eventually.HoldsAsync(async () => await BalanceAsync(account, "available") == before + amount, "the payment settled to available");
    }

    /// <summary>The first 100 payouts, of one account or all.</summary>
    public async Task<List<JsonElement>> PayoutsAsync(string? account = null)
    {
        var list = await ExpectAsync(await GetAsync("v1/payouts?limit=100" + (account is null ? "" : $"&account={account}")), HttpStatusCode.OK);
        return list.GetProperty("data").EnumerateArray().ToList();
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? idempotencyKey = null) =>
        host.SendAsync(HttpMethod.Post, path, merchant.SecretKey, body ?? new { }, idempotencyKey);

    public Task<HttpResponseMessage> GetAsync(string path) => host.SendAsync(HttpMethod.Get, path, merchant.SecretKey);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
