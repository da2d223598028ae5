using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Onboarding;

/// <summary>The self-service sandbox: sign up without a key, get test keys once, pay in test mode; floods are 429 and create nothing.</summary>
public sealed class SignupTests : HostedTest
{
    public const string Terms = "2026-12-01";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Signups:PerAddressPerHour"] = "3",
        ["Signups:PerHour"] = "10",
        ["Signups:TermsVersion"] = Terms,
    };

    public static object Body(string email = "dev@rideshare.example", string name = "Rideshare Sandbox") =>
        new { email, name, accept_terms = true, terms_version = Terms };

    [Fact]
    public async Task A_sign_up_without_a_key_gives_test_keys_once_records_the_terms_and_the_keys_take_a_test_payment()
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/signups", null, Body());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var signup = JsonDocument.Parse(text).RootElement;
        Assert.Equal("signup", signup.GetProperty("object").GetString());
        Assert.Equal(Terms, signup.GetProperty("terms_version").GetString());
        Assert.InRange(signup.GetProperty("terms_accepted_at").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.False(signup.GetProperty("livemode").GetBoolean());
        var merchant = signup.GetProperty("merchant");
        var merchantId = merchant.GetProperty("id").GetString()!;
        var secret = merchant.GetProperty("api_keys").GetProperty("secret_test").GetString()!;
        var publishable = merchant.GetProperty("api_keys").GetProperty("publishable_test").GetString()!;
        Assert.StartsWith("sk_test_", secret, StringComparison.Ordinal);
        Assert.StartsWith("pk_test_", publishable, StringComparison.Ordinal);

        // Shown once: reading the merchant back shows no key.
        using var read = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchantId}", secret);
        var readText = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(secret, readText, StringComparison.Ordinal);
        Assert.DoesNotContain(publishable, readText, StringComparison.Ordinal);

        var client = new PaymentClient(Host, new CreatedMerchant(merchantId, secret, publishable));
        var payment = await client.PayAsync(await client.TokenAsync());
        Assert.Equal("succeeded", payment.GetProperty("status").GetString());
        Assert.False(payment.GetProperty("livemode").GetBoolean());

        var audited = new List<string>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.AuditTable).QueryAsync<TableEntity>())
        {
            if (row.PartitionKey.Contains(merchantId, StringComparison.Ordinal)) audited.Add(row.GetString("Action") ?? "");
        }
        Assert.Contains("signups.create", audited);
        Assert.Contains($"terms.accepted:{Terms}", audited);
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flooding_from_one_address_is_429_with_retry_after_and_creates_nothing()
    {
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await Host.SendAsync(HttpMethod.Post, "v1/signups", null, Body($"dev{i}@rideshare.example"));
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }
        var before = await Host.DumpTablesAsync(auditTrail: false);
        var merchantsBefore = await Host.CountRowsAsync("merchant");

        for (var i = 0; i < 3; i++)
        {
            using var refused = await Host.SendAsync(HttpMethod.Post, "v1/signups", null, Body($"flood{i}@rideshare.example"));
            await Problem.AssertAsync(refused, 429, "rate_limited");
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        }

        Assert.Equal(merchantsBefore, await Host.CountRowsAsync("merchant"));
        Assert.Equal(before, await Host.DumpTablesAsync(auditTrail: false));
    }

    private static readonly (string Body, string Code, string Param)[] BadSignups =
    [
        ("""{"name":"A","accept_terms":true,"terms_version":"2026-12-01"}""", "parameter_missing", "email"),
        ("""{"email":"not-an-address","name":"A","accept_terms":true,"terms_version":"2026-12-01"}""", "parameter_invalid", "email"),
        ("""{"email":"a@b.example\r\nBcc: x@y.example","name":"A","accept_terms":true,"terms_version":"2026-12-01"}""", "parameter_invalid", "email"),
        ("""{"email":"Dev <dev@rideshare.example>","name":"A","accept_terms":true,"terms_version":"2026-12-01"}""", "parameter_invalid", "email"),
        ("""{"email":"dev@localhost","name":"A","accept_terms":true,"terms_version":"2026-12-01"}""", "parameter_invalid", "email"),
        ("""{"email":"dev@rideshare.example","name":" ","accept_terms":true,"terms_version":"2026-12-01"}""", "parameter_missing", "name"),
        ("""{"email":"dev@rideshare.example","name":"A","accept_terms":false,"terms_version":"2026-12-01"}""", "parameter_invalid", "accept_terms"),
        ("""{"email":"dev@rideshare.example","name":"A","terms_version":"2026-12-01"}""", "parameter_missing", "accept_terms"),
        ("""{"email":"dev@rideshare.example","name":"A","accept_terms":true,"terms_version":"2020-01-01"}""", "parameter_invalid", "terms_version"),
        ("""{"email":"dev@rideshare.example","name":"A","accept_terms":true}""", "parameter_missing", "terms_version"),
        ("""{"email":"dev@rideshare.example","name":"A","accept_terms":true,"terms_version":"2026-12-01","country":"US"}""", "parameter_unknown", "country"),
    ];

    [Fact]
    public async Task Every_bad_sign_up_is_a_400_problem_naming_its_parameter_and_creates_nothing()
    {
        var before = await Host.DumpTablesAsync(auditTrail: true);
        foreach (var (body, code, param) in BadSignups)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/signups") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            using var response = await Host.Client.SendAsync(request);
            await Problem.AssertAsync(response, 400, code, param);
        }
        Assert.Equal(before, await Host.DumpTablesAsync(auditTrail: true));
    }
}
