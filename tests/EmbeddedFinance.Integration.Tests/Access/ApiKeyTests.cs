using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Access;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Access;

/// <summary>
/// Keys as objects over the real socket: restricted keys held to their permissions, the list that never shows a
/// secret, rolling with an overlap, revocation and expiry within the key cache's lifetime (2 s here), bad input.
/// </summary>
public sealed class ApiKeyTests : HostedTest
{
    private const int CacheLifetimeSeconds = 2;

    private readonly StorageRequests storage = new();
    private CreatedMerchant merchant = null!;
    private CreatedMerchant other = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ApiKeys:CacheLifetime"] = $"00:00:0{CacheLifetimeSeconds}",
    };

    protected override void ConfigureServices(IServiceCollection services) => storage.Register(services);

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync("Ride Co");
        other = await Host.CreateMerchantAsync("Market Co");
    }

    [Fact]
    public async Task A_restricted_key_with_payments_read_lists_payments_and_is_403_creating_one()
    {
        var payments = new PaymentClient(Host, merchant);
        var paid = await payments.PayAsync(await payments.TokenAsync());
        var (_, secret) = await CreateKeyAsync(new { payments = "read" });

        using var list = await Host.SendAsync(HttpMethod.Get, "v1/payments", secret);
        using var get = await Host.SendAsync(HttpMethod.Get, $"v1/payments/{paid.GetProperty("id").GetString()}", secret);
        using var create = await Host.SendAsync(HttpMethod.Post, "v1/payments", secret,
            new { amount = 1000, currency = "usd", payment_method = "tok_x" }, idempotencyKey: Guid.NewGuid().ToString());
        using var refund = await Host.SendAsync(HttpMethod.Post, $"v1/payments/{paid.GetProperty("id").GetString()}/refunds", secret, new { }, idempotencyKey: Guid.NewGuid().ToString());
        using var balance = await Host.SendAsync(HttpMethod.Get, "v1/ledger/transactions", secret);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync())) Assert.Single(page.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("This key lacks payments:write.", (await Problem.AssertAsync(create, 403, "forbidden")).GetProperty("detail").GetString());
        Assert.Equal("This key lacks refunds:write.", (await Problem.AssertAsync(refund, 403, "forbidden")).GetProperty("detail").GetString());
        Assert.Equal("This key lacks ledger:read.", (await Problem.AssertAsync(balance, 403, "forbidden")).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Write_implies_read_and_the_key_reaches_only_its_merchants_data()
    {
        var theirs = await new PaymentClient(Host, other).PayAsync(await new PaymentClient(Host, other).TokenAsync());
        var (_, secret) = await CreateKeyAsync(new { payments = "write" });

        using var list = await Host.SendAsync(HttpMethod.Get, "v1/payments", secret);
        using var foreign = await Host.SendAsync(HttpMethod.Get, $"v1/payments/{theirs.GetProperty("id").GetString()}", secret);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await Problem.AssertAsync(foreign, 404, "resource_missing");
    }

    [Fact]
    public async Task Only_a_secret_key_manages_keys()
    {
        var (_, restricted) = await CreateKeyAsync(new { payments = "write", refunds = "write", payouts = "write", accounts = "write", tokens = "write", webhook_endpoints = "write", events = "write", ledger = "read", balance = "read" });

        using var byRestricted = await Host.SendAsync(HttpMethod.Post, "v1/api_keys", restricted, new { name = "Escalation", permissions = new { payments = "write" } });
        using var listByRestricted = await Host.SendAsync(HttpMethod.Get, "v1/api_keys", restricted);
        using var byPublishable = await Host.SendAsync(HttpMethod.Post, "v1/api_keys", merchant.PublishableKey, new { name = "Escalation", permissions = new { } });
        using var byAdmin = await Host.SendAsync(HttpMethod.Get, "v1/api_keys", TestHost.AdminKey);

        Assert.Equal("A restricted key cannot manage API keys; use a secret key.", (await Problem.AssertAsync(byRestricted, 403, "forbidden")).GetProperty("detail").GetString());
        await Problem.AssertAsync(listByRestricted, 403, "forbidden");
        await Problem.AssertAsync(byPublishable, 403, "forbidden");
        await Problem.AssertAsync(byAdmin, 403, "forbidden");
    }

    [Fact]
    public async Task The_list_shows_every_key_of_the_merchant_and_mode_as_objects_and_never_a_secret()
    {
        var (restrictedId, restricted) = await CreateKeyAsync(new { ledger = "read" }, name: "Reporting");
        await CreateKeyAsync(new { payments = "read" }, secretKey: other.SecretKey);

        using var response = await Host.SendAsync(HttpMethod.Get, "v1/api_keys", merchant.SecretKey);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(text);
        var keys = page.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["publishable", "restricted", "secret"], keys.Select(key => key.GetProperty("type").GetString()).Order(StringComparer.Ordinal).ToList());
        Assert.All(keys, key =>
        {
            Assert.StartsWith("key_", key.GetProperty("id").GetString());
            Assert.Equal("api_key", key.GetProperty("object").GetString());
            Assert.False(key.TryGetProperty("secret", out _), "a listed key never carries its secret");
        });
        var reporting = Assert.Single(keys, key => key.GetProperty("id").GetString() == restrictedId);
        Assert.Equal("Reporting", reporting.GetProperty("name").GetString());
        Assert.Equal("read", reporting.GetProperty("permissions").GetProperty("ledger").GetString());
        Assert.Equal("none", reporting.GetProperty("permissions").GetProperty("payments").GetString());
        foreach (var secret in new[] { merchant.SecretKey, merchant.PublishableKey, restricted }) Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task Rolling_a_key_keeps_the_old_one_working_for_its_overlap_and_not_after()
    {
        var secretKeyId = await KeyIdOfTypeAsync("secret");

        using var rolled = await Host.SendAsync(HttpMethod.Post, $"v1/api_keys/{secretKeyId}/roll", merchant.SecretKey, new { expire_previous_in_seconds = 3 });
        Assert.Equal(HttpStatusCode.Created, rolled.StatusCode);
        using var body = JsonDocument.Parse(await rolled.Content.ReadAsStringAsync());
        var replacement = body.RootElement.GetProperty("secret").GetString()!;
        Assert.StartsWith("sk_test_", replacement);
        Assert.NotEqual(secretKeyId, body.RootElement.GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/api_keys", merchant.SecretKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/api_keys", replacement)).StatusCode);
        await Eventually.HoldsAsync(async () => (await Host.SendAsync(HttpMethod.Get, "v1/api_keys", merchant.SecretKey)).StatusCode == HttpStatusCode.Unauthorized,
            "the rolled-out key is refused once its overlap has passed", seconds: 3 + CacheLifetimeSeconds + 10);
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/api_keys", replacement)).StatusCode);

        using var again = await Host.SendAsync(HttpMethod.Post, $"v1/api_keys/{secretKeyId}/roll", replacement, new { });
        await Problem.AssertAsync(again, 409, "state_invalid");
    }

    [Fact]
    public async Task A_revoked_key_is_401_within_the_cache_lifetime()
    {
        var (id, secret) = await CreateKeyAsync(new { payments = "read" });
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode);

        using var revoked = await Host.SendAsync(HttpMethod.Delete, $"v1/api_keys/{id}", merchant.SecretKey);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using (var body = JsonDocument.Parse(await revoked.Content.ReadAsStringAsync())) Assert.True(body.RootElement.GetProperty("deleted").GetBoolean());
        await Eventually.HoldsAsync(async () => (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode == HttpStatusCode.Unauthorized,
            "the revoked key is refused", seconds: CacheLifetimeSeconds + 5);
        using var list = await Host.SendAsync(HttpMethod.Get, "v1/api_keys", merchant.SecretKey);
        Assert.DoesNotContain(id, await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_key_removed_by_another_instance_stops_working_here_within_the_cache_lifetime()
    {
        var (_, secret) = await CreateKeyAsync(new { payments = "read" });
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode);
        var started = DateTime.UtcNow;

        // Another instance revoking it: the index row goes, this instance's cache does not hear of it.
        var state = Host.Tables.GetTableClient(Host.Storage.StateTable);
        var index = ApiKeyRows.ToEntity(new Core.Access.ApiKeyRecord("", "", default, default, Core.Access.ApiKeyHash.Of(secret), default));
        await state.DeleteEntityAsync(index.PartitionKey, index.RowKey);

        await Eventually.HoldsAsync(async () => (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode == HttpStatusCode.Unauthorized,
            "the key removed elsewhere is refused", seconds: CacheLifetimeSeconds + 5);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(CacheLifetimeSeconds + 5));
    }

    [Fact]
    public async Task An_expired_key_is_401()
    {
        var (_, secret) = await CreateKeyAsync(new { payments = "read" }, expiresAt: DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode);
        await Eventually.HoldsAsync(async () => (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode == HttpStatusCode.Unauthorized,
            "the expired key is refused", seconds: 15);
    }

    [Theory]
    [InlineData("""{"name":"P","permissions":{"cards":"read"}}""", "permissions.cards")]
    [InlineData("""{"name":"P","permissions":{"payments":"admin"}}""", "permissions.payments")]
    [InlineData("""{"name":"P","permissions":{"payments":7}}""", "permissions.payments")]
    [InlineData("""{"name":"P","permissions":{"payments":"read"},"expires_at":1000000000}""", "expires_at")]
    [InlineData("""{"permissions":{"payments":"read"}}""", "name")]
    [InlineData("""{"name":"P"}""", "permissions")]
    public async Task Bad_input_creating_a_key_is_400_naming_the_parameter(string body, string param)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/api_keys", merchant.SecretKey, body);

        var problem = await Problem.AssertAsync(response, 400, param is "name" or "permissions" ? "parameter_missing" : "parameter_invalid");
        Assert.Equal(param, problem.GetProperty("param").GetString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(604_801)]
    public async Task An_overlap_out_of_range_is_400_naming_the_parameter(long seconds)
    {
        var id = await KeyIdOfTypeAsync("secret");

        using var response = await Host.SendAsync(HttpMethod.Post, $"v1/api_keys/{id}/roll", merchant.SecretKey, new { expire_previous_in_seconds = seconds });

        await Problem.AssertAsync(response, 400, "parameter_invalid", "expire_previous_in_seconds");
    }

    [Fact]
    public async Task Another_merchants_key_cannot_be_rolled_or_revoked()
    {
        var (id, secret) = await CreateKeyAsync(new { payments = "read" }, secretKey: other.SecretKey);

        using var roll = await Host.SendAsync(HttpMethod.Post, $"v1/api_keys/{id}/roll", merchant.SecretKey, new { });
        using var revoke = await Host.SendAsync(HttpMethod.Delete, $"v1/api_keys/{id}", merchant.SecretKey);

        await Problem.AssertAsync(roll, 404, "resource_missing");
        await Problem.AssertAsync(revoke, 404, "resource_missing");
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/payments", secret)).StatusCode);
    }

    [Fact]
    public async Task A_thousand_requests_with_one_unknown_key_cost_at_most_one_storage_read()
    {
        const string unknown = "sk_test_ThisKeyWasNeverIssued00000000000";

        var sent = await storage.DuringAsync(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Host.SendAsync(HttpMethod.Get, "v1/payments", unknown)));
                Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
                foreach (var answer in answers) answer.Dispose();
            }
        });

        // The host's timers (sweeps, checkpoints) read storage meanwhile; the requests answered here read only the key index.
        var keyReads = sent.Where(request => Uri.UnescapeDataString(request.Uri.AbsoluteUri).Contains("PartitionKey='apikeys:", StringComparison.Ordinal)).ToList();
        Assert.True(keyReads.Count <= 1, $"{keyReads.Count} key index reads: {string.Join(", ", keyReads.Select(request => request.Uri.AbsolutePath))}");
    }

    [Fact]
    public async Task The_key_index_is_spread_over_partitions_and_holds_no_secret()
    {
        var (_, restricted) = await CreateKeyAsync(new { payments = "read" });
        var state = Host.Tables.GetTableClient(Host.Storage.StateTable);

        var partitions = new List<string>();
        await foreach (var row in state.QueryAsync<TableEntity>("RowKey ge 'apikey|' and RowKey lt 'apikey}'")) partitions.Add(row.PartitionKey);

        Assert.Equal(5, partitions.Count);
        Assert.All(partitions, partition => Assert.StartsWith("apikeys:", partition));
        Assert.True(partitions.Distinct().Count() > 1, string.Join(", ", partitions));
        var dump = string.Join("\n", await Host.DumpTablesAsync());
        foreach (var secret in new[] { merchant.SecretKey, merchant.PublishableKey, other.SecretKey, restricted }) Assert.DoesNotContain(secret, dump);
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(restricted, StringComparison.Ordinal) || line.Contains(merchant.SecretKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_trail_names_keys_by_id_never_by_secret()
    {
        var secretKeyId = await KeyIdOfTypeAsync("secret");
        var (restrictedId, restricted) = await CreateKeyAsync(new { payments = "read" });
        using (await Host.SendAsync(HttpMethod.Post, "v1/payments", restricted, new { amount = 1, currency = "usd", payment_method = "tok_x" }, Guid.NewGuid().ToString())) { }
        using (await Host.SendAsync(HttpMethod.Delete, $"v1/api_keys/{restrictedId}", merchant.SecretKey)) { }

        var entries = new List<TableEntity>();
        await Eventually.HoldsAsync(async () =>
        {
            entries.Clear();
            await foreach (var entry in Host.Tables.GetTableClient(Host.Storage.AuditTable).QueryAsync<TableEntity>()) entries.Add(entry);
            return entries.Count(entry => entry.GetString("Action") is "api_keys.create" or "api_keys.revoke" or "payments.create") >= 3;
        }, "the key writes are audited");

        Assert.Contains(entries, entry => entry.GetString("Action") == "api_keys.create" && entry.GetString("KeyId") == secretKeyId);
        Assert.Contains(entries, entry => entry.GetString("Action") == "payments.create" && entry.GetString("KeyId") == restrictedId && entry.GetInt32("Status") == 403);
        Assert.Contains(entries, entry => entry.GetString("Action") == "api_keys.revoke" && entry.GetString("KeyId") == secretKeyId);
        Assert.DoesNotContain(entries, entry => entry.Select(pair => pair.Value).OfType<string>().Any(value => value.Contains(restricted, StringComparison.Ordinal) || value.Contains(merchant.SecretKey, StringComparison.Ordinal)));
    }

    private async Task<string> KeyIdOfTypeAsync(string type)
    {
        using var response = await Host.SendAsync(HttpMethod.Get, "v1/api_keys", merchant.SecretKey);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.GetProperty("data").EnumerateArray().Single(key => key.GetProperty("type").GetString() == type).GetProperty("id").GetString()!;
    }

    private async Task<(string Id, string Secret)> CreateKeyAsync(object permissions, string name = "Partner", long? expiresAt = null, string? secretKey = null)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/api_keys", secretKey ?? merchant.SecretKey,
            expiresAt is null ? new { name, permissions } : new { name, permissions, expires_at = expiresAt });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        var secret = body.RootElement.GetProperty("secret").GetString()!;
        Assert.StartsWith("rk_test_", secret);
        Assert.Equal("restricted", body.RootElement.GetProperty("type").GetString());
        return (body.RootElement.GetProperty("id").GetString()!, secret);
    }
}
