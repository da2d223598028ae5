using System.Text.RegularExpressions;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Api;

public sealed partial class AuditAndSecrecyTests : HostedTest
{
    [Fact]
    public async Task Every_authenticated_write_is_audited_with_key_id_action_outcome_and_request_id()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Audited Co", country = "US", default_currency = "usd" };
        using var created = await Host.SendAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, body, key);
        using var replayed = await Host.SendAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, body, key);
        var merchant = await Host.CreateMerchantAsync();
        using var forbidden = await Host.SendAsync(HttpMethod.Post, "v1/merchants", merchant.SecretKey, body);
        using var read = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.SecretKey);

        var audit = await AuditRowsAsync();

        var createdRow = Assert.Single(audit, row => row.GetString("RequestId") == RequestId(created));
        Assert.Equal("platform", createdRow.PartitionKey);
        Assert.Equal(new Caller.Admin().KeyId, createdRow.GetString("KeyId"));
        Assert.Equal("merchants.create", createdRow.GetString("Action"));
        Assert.Equal(201, createdRow.GetInt32("Status"));
        Assert.False(createdRow.GetBoolean("Replayed"));
        Assert.True(Assert.Single(audit, row => row.GetString("RequestId") == RequestId(replayed)).GetBoolean("Replayed"));

        var forbiddenRow = Assert.Single(audit, row => row.GetString("RequestId") == RequestId(forbidden));
        Assert.Equal(MerchantScope.Of(merchant.Id, Mode.Test), forbiddenRow.PartitionKey);
        Assert.StartsWith("key_", forbiddenRow.GetString("KeyId"));
        Assert.Equal(403, forbiddenRow.GetInt32("Status"));
        Assert.Equal("forbidden", forbiddenRow.GetString("ErrorCode"));

        Assert.DoesNotContain(audit, row => row.GetString("RequestId") == RequestId(read));
    }

    [Fact]
    public async Task No_api_key_or_secret_appears_in_any_table_or_log_line()
    {
        var merchants = new List<CreatedMerchant>();
        for (var i = 0; i < 3; i++) merchants.Add(await Host.CreateMerchantAsync($"Merchant {i}"));
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Replayed Co", country = "US", default_currency = "usd" };
        using (await Host.SendAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, body, key)) { }
        using var replay = await Host.SendAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, body, key);
        merchants.Add(ParseKeys(await replay.Content.ReadAsStringAsync()));
        foreach (var merchant in merchants)
        {
            using (await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.SecretKey)) { }
            using (await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.PublishableKey)) { }
            using (await Host.SendAsync(HttpMethod.Post, "v1/merchants", merchant.SecretKey, "{\"name\":")) { }
        }

        var dataKey = (await Host.Services.GetRequiredService<ISecretStore>().GetAsync(SecretNames.IdempotencyDataKey, CancellationToken.None))!.Value.Reveal();
        var secrets = merchants.SelectMany(m => new[] { m.SecretKey, m.PublishableKey }).Append(TestHost.AdminKey).Append(dataKey).ToList();
        var places = (await Host.DumpTablesAsync()).Concat(Host.Logs.Lines).ToList();

        Assert.NotEmpty(Host.Logs.Lines);
        foreach (var place in places)
        {
            Assert.DoesNotMatch(KeyShape(), place);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, place));
        }
    }

    private async Task<List<TableEntity>> AuditRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.AuditTable).QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private static string RequestId(HttpResponseMessage response) => response.Headers.GetValues("Request-Id").Single();

    private static CreatedMerchant ParseKeys(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var keys = json.RootElement.GetProperty("api_keys");
        return new CreatedMerchant(json.RootElement.GetProperty("id").GetString()!, keys.GetProperty("secret_test").GetString()!, keys.GetProperty("publishable_test").GetString()!);
    }

    [GeneratedRegex("(sk|pk)_(test|live)_[A-Za-z0-9]{32}")]
    private static partial Regex KeyShape();
}
