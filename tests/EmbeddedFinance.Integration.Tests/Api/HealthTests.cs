using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Health;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Api;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_reports_tables_and_queues_reachable_to_the_admin_key()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "health", TestHost.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("storage").GetProperty("tables").GetProperty("reachable").GetBoolean());
        Assert.True(body.RootElement.GetProperty("storage").GetProperty("queues").GetProperty("reachable").GetBoolean());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("poison_messages").ValueKind);
    }

    [Fact]
    public async Task Without_the_admin_key_health_shows_the_status_alone_and_an_unknown_key_is_401()
    {
        await using var host = await TestHost.StartAsync();
        var merchant = await host.CreateMerchantAsync();

        foreach (var key in new[] { null, merchant.SecretKey, merchant.PublishableKey })
        {
            using var response = await host.SendAsync(HttpMethod.Get, "health", key);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(text);
            Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(member => member.Name));
            Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        }
        using var unknown = await host.SendAsync(HttpMethod.Get, "health", "sk_admin_" + Guid.NewGuid().ToString("N"));
        await Problem.AssertAsync(unknown, 401, "unauthenticated");
    }

    [Fact]
    public async Task The_probe_reports_storage_that_does_not_answer_as_unreachable()
    {
        var closedPort = SharedAzurite.FreePort();
        var connectionString = new global::EmbeddedFinance.LocalHost.Azurite.AzuriteEndpoints(closedPort, closedPort, closedPort).ConnectionString;
        var noRetries = new Action<ClientOptions>(options => options.Retry.MaxRetries = 0);
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions();
        noRetries(tableOptions);
        noRetries(queueOptions);
        var probe = new StorageHealthProbe(new TableServiceClient(connectionString, tableOptions), new QueueServiceClient(connectionString, queueOptions), Microsoft.Extensions.Options.Options.Create(new QueueNames()));

        var report = await probe.ProbeAsync(CancellationToken.None);

        Assert.False(report.Healthy);
        Assert.False(report.Tables.Reachable);
        Assert.False(report.Queues.Reachable);
        Assert.NotNull(report.Tables.Error);
    }
}
