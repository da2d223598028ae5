using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Payouts;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Onboarding;

/// <summary>Connected-account onboarding (API.md "KYC"): requirements, the sandbox verifier's outcomes, manual review, payout gating.</summary>
public sealed class OnboardingTests : HostedTest
{
    private PaymentClient client = null!;

    protected override Task ArrangeAsync() => Task.Run(async () => client = new PaymentClient(Host, await Host.CreateMerchantAsync()));

    [Fact]
    public async Task A_new_account_is_due_every_identity_field_and_payouts_wait_until_all_are_supplied_and_verified()
    {
        var account = await NewAccountAsync();
        var created = await GetAsync(account);
        Assert.Equal(["individual.first_name", "individual.last_name", "individual.dob", "individual.address", "individual.id_number_last4"], Strings(created.GetProperty("requirements").GetProperty("currently_due")));
        Assert.False(created.GetProperty("payouts_enabled").GetBoolean());
        Assert.True(created.GetProperty("charges_enabled").GetBoolean());
        Assert.Equal("unverified", created.GetProperty("individual").GetProperty("verification_status").GetString());

        var partial = await PatchAsync(account, new { first_name = "Dana", last_name = "Driver", dob = new { day = 17, month = 5, year = 1990 } });
        Assert.Equal(["individual.address", "individual.id_number_last4"], Strings(partial.GetProperty("requirements").GetProperty("currently_due")));
        Assert.Equal(1990, partial.GetProperty("individual").GetProperty("dob_year").GetInt32());
        Assert.Empty(Strings(partial.GetProperty("requirements").GetProperty("pending_verification")));

        var complete = await PatchAsync(account, new { address = new { line1 = "1 Main Street", city = "Springfield", state = "IL", postal_code = "62701" }, id_number_last4 = "0000" });
        Assert.Empty(Strings(complete.GetProperty("requirements").GetProperty("currently_due")));
        Assert.Contains("individual.id_number_last4", Strings(complete.GetProperty("requirements").GetProperty("pending_verification")));
        Assert.Equal("pending", complete.GetProperty("individual").GetProperty("verification_status").GetString());
        Assert.Equal("0000", complete.GetProperty("individual").GetProperty("id_number_last4").GetString());

        await Eventually.HoldsAsync(async () => (await GetAsync(account)).GetProperty("payouts_enabled").GetBoolean(), "verified");
        var verified = await GetAsync(account);
        Assert.Equal("verified", verified.GetProperty("individual").GetProperty("verification_status").GetString());
        Assert.Empty(Strings(verified.GetProperty("requirements").GetProperty("pending_verification")));
        Assert.Empty(verified.GetProperty("requirements").GetProperty("errors").EnumerateArray());
        await Eventually.HoldsAsync(async () => await Host.CountEventsAsync(Scope, "account.verified") == 1, "one account.verified event");
    }

    [Fact]
    public async Task Last_four_1111_fails_with_id_number_mismatch_and_is_due_again_until_a_matching_number_verifies()
    {
        var account = await NewAccountAsync();
        await PatchAsync(account, PaymentClient.Individual("1111"));
        await Eventually.HoldsAsync(async () => Status(await GetAsync(account)) == "failed", "failed");
        var failed = await GetAsync(account);
        Assert.False(failed.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal(["individual.id_number_last4"], Strings(failed.GetProperty("requirements").GetProperty("currently_due")));
        var error = Assert.Single(failed.GetProperty("requirements").GetProperty("errors").EnumerateArray());
        Assert.Equal("individual.id_number_last4", error.GetProperty("field").GetString());
        Assert.Equal("id_number_mismatch", error.GetProperty("code").GetString());

        await PatchAsync(account, new { id_number_last4 = "0000" });
        await Eventually.HoldsAsync(async () => Status(await GetAsync(account)) == "verified", "verified after the new number");
        Assert.Empty((await GetAsync(account)).GetProperty("requirements").GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_dob_of_1900_01_01_is_held_for_review_until_the_operator_verifies_it_once()
    {
        var account = await NewAccountAsync();
        await PatchAsync(account, PaymentClient.Individual("0000", (1900, 1, 1)));
        await Eventually.HoldsAsync(async () => Status(await GetAsync(account)) == "under_review", "under review");
        var held = await GetAsync(account);
        Assert.False(held.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal("under_review", Assert.Single(held.GetProperty("requirements").GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.NotEmpty(Strings(held.GetProperty("requirements").GetProperty("pending_verification")));

        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/accounts/{account}/verify", client.Merchant.SecretKey, new { }), 403, "forbidden");
        var reviewed = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/accounts/{account}/verify", TestHost.AdminKey, new { }), HttpStatusCode.OK);
        Assert.True(reviewed.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal("verified", Status(await GetAsync(account)));
        // Reviewed: the account is no longer under review.
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/accounts/{account}/verify", TestHost.AdminKey, new { }), 404, "resource_missing");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/admin/accounts/acct_nosuchaccount/verify", TestHost.AdminKey, new { }), 404, "resource_missing");
        await Eventually.HoldsAsync(async () => await Host.CountEventsAsync(Scope, "account.verified") == 1, "one account.verified event");
    }

    [Fact]
    public async Task A_payout_before_verification_is_account_not_verified_and_writes_nothing_while_the_balance_accrues_then_succeeds()
    {
        var account = await NewAccountAsync(PaymentClient.UsBank());
        await client.FundAsync(await client.TokenAsync(), account, 4_000);

        var before = await StateAsync();
        var refused = await Problem.AssertAsync(await client.PostAsync("v1/payouts", new { account, amount = 1_000, currency = "usd" }, Guid.NewGuid().ToString()), 400, "account_not_verified", "account");
        Assert.Contains("not verified", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(4_000, await client.BalanceAsync(account, "available"));

        await client.VerifyAsync(account);
        await PaymentClient.ExpectAsync(await client.PostAsync("v1/payouts", new { account, amount = 1_000, currency = "usd" }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        Assert.Equal(3_000, await client.BalanceAsync(account, "available"));
    }

    [Fact]
    public async Task The_payout_schedule_skips_an_unverified_account_saying_why_and_its_balance_stays()
    {
        var account = await NewAccountAsync(PaymentClient.UsBank());
        await PatchAsync(account, PaymentClient.Individual("1111"));
        await Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{account}", client.Merchant.SecretKey, new { payout_schedule = new { interval = "daily" } });
        await client.FundAsync(await client.TokenAsync(), account, 2_500);
        await Eventually.HoldsAsync(async () => Status(await GetAsync(account)) == "failed", "failed");

        var made = await ActivatorUtilities.CreateInstance<PayScheduledPayouts>(Host.Services, (TimeProvider)new AheadClock(TimeSpan.FromDays(1))).RunAsync(CancellationToken.None);

        Assert.Equal(0, made);
        Assert.Contains(Host.Logs.Lines, line => line.Contains($"Skipped the scheduled payout of {account}", StringComparison.Ordinal) && line.Contains("identity is not verified (status failed)", StringComparison.Ordinal));
        Assert.Empty(await client.PayoutsAsync(account));
        Assert.Equal(2_500, await client.BalanceAsync(account, "available"));
    }

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private static readonly (string Country, string Individual, string Param)[] BadIdentities =
    [
        ("US", """{"dob": {"day": 30, "month": 2, "year": 1990}}""", "individual.dob"),
        ("US", """{"dob": {"day": 1, "month": 1, "year": 2100}}""", "individual.dob"),
        ("US", """{"dob": {"day": 1, "month": 1, "year": 2020}}""", "individual.dob"),
        ("US", """{"dob": {"day": 1, "month": 1, "year": 1850}}""", "individual.dob"),
        ("US", """{"address": {"line1": "1 Main", "city": "X", "state": "ZZ", "postal_code": "62701"}}""", "individual.address.state"),
        ("US", """{"address": {"line1": "1 Main", "city": "X", "state": "IL", "postal_code": "6270"}}""", "individual.address.postal_code"),
        ("US", """{"address": {"city": "X", "state": "IL", "postal_code": "62701"}}""", "individual.address.line1"),
        ("GB", """{"address": {"line1": "1 High St", "city": "London", "postal_code": "12345"}}""", "individual.address.postal_code"),
        ("US", """{"id_number_last4": "12a4"}""", "individual.id_number_last4"),
        ("US", """{"id_number_last4": "12345"}""", "individual.id_number_last4"),
        ("GB", """{"id_number_last4": "1234"}""", "individual.id_number_last4"),
        ("US", """{"first_name": "  "}""", "individual.first_name"),
    ];

    [Fact]
    public async Task Bad_identity_is_400_naming_the_field_and_changes_nothing()
    {
        var accounts = new Dictionary<string, string> { ["US"] = await NewAccountAsync(country: "US"), ["GB"] = await NewAccountAsync(country: "GB") };
        var before = await StateAsync();
        foreach (var (country, individual, param) in BadIdentities)
        {
            var body = JsonSerializer.Deserialize<JsonElement>($$"""{"individual": {{individual}}}""");
            var problem = await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{accounts[country]}", client.Merchant.SecretKey, body), 400,
                param.EndsWith("line1", StringComparison.Ordinal) ? "parameter_missing" : "parameter_invalid", param);
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), individual);
        }
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>Every row of the state table with its version, once the relay is idle.</summary>
    private async Task<string> StateAsync()
    {
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "the relay idle");
        var rows = new List<string>();
        await foreach (var entity in Host.Tables.GetTableClient(Host.Storage.StateTable).QueryAsync<global::Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            // The audit chain records every request; an idempotency record keeps the refusal for replays. Neither is state.
            if (!entity.RowKey.StartsWith("audit|", StringComparison.Ordinal) && !entity.RowKey.StartsWith("idem|", StringComparison.Ordinal)) rows.Add($"{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
        }
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }

    private string Scope => $"{client.Merchant.Id}:test";

    private async Task<string> NewAccountAsync(object? payoutDestination = null, string country = "US")
    {
        var body = await PaymentClient.ExpectAsync(await client.PostAsync("v1/accounts",
            new { display_name = "Driver", email = "driver@example.com", country, default_currency = country == "GB" ? "gbp" : "usd", payout_destination = payoutDestination }), HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> PatchAsync(string account, object individual) =>
        await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{account}", client.Merchant.SecretKey, new { individual }), HttpStatusCode.OK);

    private async Task<JsonElement> GetAsync(string account) => await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{account}"), HttpStatusCode.OK);

    private static string Status(JsonElement account) => account.GetProperty("individual").GetProperty("verification_status").GetString()!;

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();
}
