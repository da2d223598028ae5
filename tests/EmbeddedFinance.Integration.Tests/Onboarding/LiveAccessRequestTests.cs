using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Onboarding;

/// <summary>Going live: a pending request grants nothing, a rejection issues nothing, an approval reveals live keys exactly once.</summary>
public sealed class LiveAccessRequestTests : HostedTest
{
    private static readonly object Business = new { business = new { legal_name = "Rideshare Inc.", country = "US", website = "https://rideshare.example", description = "Rides." } };

    private CreatedMerchant merchant = null!;

    protected override async Task ArrangeAsync() => merchant = await Host.CreateMerchantAsync("Going Live Co");

    [Fact]
    public async Task Live_keys_are_refused_until_approval_then_revealed_to_exactly_one_read_and_the_merchant_hears_of_it()
    {
        var request = await ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/live_access_requests", merchant.SecretKey, Business), HttpStatusCode.Created);
        var id = request.GetProperty("id").GetString()!;
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal("https://rideshare.example/", request.GetProperty("business").GetProperty("website").GetString());

        // Pending: no keys, no second request, and the merchant cannot approve itself.
        var pending = await ExpectAsync(await Host.SendAsync(HttpMethod.Get, $"v1/live_access_requests/{id}", merchant.SecretKey), HttpStatusCode.OK);
        Assert.False(ShowsKeys(pending));
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/live_access_requests", merchant.SecretKey, Business), 409, "state_invalid");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/live_access_requests/{id}/approve", merchant.SecretKey, new { }), 403, "forbidden");
        Assert.Equal(0, await LiveRowsAsync());

        var approved = await ExpectAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/live_access_requests/{id}/approve", TestHost.AdminKey, new { }), HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.False(ShowsKeys(approved));
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/live_access_requests/{id}/reject", TestHost.AdminKey, new { }), 409, "state_invalid");

        // Racing reads: exactly one carries the keys.
        var reads = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await ExpectAsync(await Host.SendAsync(HttpMethod.Get, $"v1/live_access_requests/{id}", merchant.SecretKey), HttpStatusCode.OK)));
        var revealing = Assert.Single(reads, ShowsKeys);
        var secretLive = revealing.GetProperty("live_keys").GetProperty("secret_live").GetString()!;
        Assert.StartsWith("sk_live_", secretLive, StringComparison.Ordinal);
        Assert.StartsWith("pk_live_", revealing.GetProperty("live_keys").GetProperty("publishable_live").GetString(), StringComparison.Ordinal);
        var later = await ExpectAsync(await Host.SendAsync(HttpMethod.Get, $"v1/live_access_requests/{id}", merchant.SecretKey), HttpStatusCode.OK);
        Assert.False(ShowsKeys(later));
        Assert.True(later.TryGetProperty("live_keys_revealed_at", out var revealedAt) && revealedAt.ValueKind == JsonValueKind.Number);
        // The losing reads took their keys back: two live keys (an index row and an object row each), no more.
        Assert.Equal(4, await LiveRowsAsync());

        using var live = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", secretLive);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var events = await ExpectAsync(await Host.SendAsync(HttpMethod.Get, "v1/events?type=merchant.live_enabled", merchant.SecretKey), HttpStatusCode.OK);
        var enabled = Assert.Single(events.GetProperty("data").EnumerateArray());
        Assert.Equal(id, enabled.GetProperty("data").GetProperty("object").GetProperty("id").GetString());

        var audited = await AuditedActionsAsync();
        Assert.Contains("live_access_requests.create", audited);
        Assert.Contains("live_access_requests.approved", audited);
        Assert.Contains("live_access_requests.reveal_live_keys", audited);
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(secretLive, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_request_issues_nothing_and_says_why()
    {
        var id = (await ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/live_access_requests", merchant.SecretKey, Business), HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var rejected = await ExpectAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/live_access_requests/{id}/reject", TestHost.AdminKey, new { reason = "Unverified registration." }), HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        for (var i = 0; i < 2; i++)
        {
            var read = await ExpectAsync(await Host.SendAsync(HttpMethod.Get, $"v1/live_access_requests/{id}", merchant.SecretKey), HttpStatusCode.OK);
            Assert.Equal("rejected", read.GetProperty("status").GetString());
            Assert.Equal("Unverified registration.", read.GetProperty("rejection_reason").GetString());
            Assert.False(ShowsKeys(read));
        }
        Assert.Equal(0, await LiveRowsAsync());
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/live_access_requests/{id}/approve", TestHost.AdminKey, new { }), 409, "state_invalid");
        var events = await ExpectAsync(await Host.SendAsync(HttpMethod.Get, "v1/events?type=merchant.live_enabled", merchant.SecretKey), HttpStatusCode.OK);
        Assert.Empty(events.GetProperty("data").EnumerateArray());
        Assert.Contains("live_access_requests.rejected", await AuditedActionsAsync());

        // A new request may follow a rejection.
        await ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/live_access_requests", merchant.SecretKey, Business), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_business_details_are_400_naming_the_member_and_another_merchant_sees_404()
    {
        foreach (var (body, code, param) in new (object Body, string Code, string Param)[]
        {
            (new { }, "parameter_missing", "business"),
            (new { business = new { country = "US", website = "https://a.example" } }, "parameter_missing", "business.legal_name"),
            (new { business = new { legal_name = "A", country = "ZZ", website = "https://a.example" } }, "parameter_invalid", "business.country"),
            (new { business = new { legal_name = "A", country = "US", website = "http://a.example" } }, "parameter_invalid", "business.website"),
            (new { business = new { legal_name = "A", country = "US", website = "https://user:pw@a.example" } }, "parameter_invalid", "business.website"),
        })
        {
            await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/live_access_requests", merchant.SecretKey, body), 400, code, param);
        }
        var id = (await ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/live_access_requests", merchant.SecretKey, Business), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var other = await Host.CreateMerchantAsync("Other Co");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, $"v1/live_access_requests/{id}", other.SecretKey), 404, "resource_missing");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/admin/live_access_requests/lar_00000000000000000000000000/approve", TestHost.AdminKey, new { }), 404, "resource_missing");
    }

    /// <summary>Absent members are left out of responses: a read without keys has no <c>live_keys</c> at all.</summary>
    private static bool ShowsKeys(JsonElement read) => read.TryGetProperty("live_keys", out var keys) && keys.ValueKind == JsonValueKind.Object;

    private async Task<int> LiveRowsAsync()
    {
        var count = 0;
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.StateTable).QueryAsync<TableEntity>())
        {
            if (row.PartitionKey == $"{merchant.Id}:live" || (row.GetString("MerchantId") == merchant.Id && row.GetString("Mode") is "live" or "Live")) count++;
        }
        return count;
    }

    private async Task<List<string>> AuditedActionsAsync()
    {
        var actions = new List<string>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.AuditTable).QueryAsync<TableEntity>())
        {
            if (row.PartitionKey.Contains(merchant.Id, StringComparison.Ordinal)) actions.Add(row.GetString("Action") ?? "");
        }
        return actions;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
