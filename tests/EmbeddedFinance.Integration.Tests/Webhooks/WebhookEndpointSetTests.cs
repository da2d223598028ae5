using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Azure.Webhooks;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// The relay's endpoint list on Azurite: a point read while nothing changed, and every endpoint change made
/// through another instance (create, disable, delete) seen on the next read.
/// </summary>
public sealed class WebhookEndpointSetTests : HostedTest
{
    private readonly RequestLog requests = new();
    private WebhookClient webhooks = null!;
    private string scope = null!;
    private TableWebhookEndpointStore relayInstance = null!;

    protected override async Task ArrangeAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        webhooks = new WebhookClient(Host, merchant.SecretKey);
        scope = MerchantScope.Of(merchant.Id, Mode.Test);
        // Another instance: its own clients (counted) and its own cache, the host's tables.
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var table = new StateTable(new TableServiceClient(Host.ConnectionString, options), Host.Services.GetRequiredService<IOptions<StorageOptions>>());
        relayInstance = new TableWebhookEndpointStore(table, Host.Services.GetRequiredService<StateBatches>(), new WebhookEndpointSet(table, TimeProvider.System));
    }

    [Fact]
    public async Task Reading_again_with_no_endpoint_change_is_one_point_read_and_no_query()
    {
        var endpoint = await webhooks.CreateEndpointAsync("http://127.0.0.1:9/a", "payment.succeeded");
        Assert.Equal([endpoint.Id], await EnabledIdsAsync());

        requests.Clear();
        Assert.Equal([endpoint.Id], await EnabledIdsAsync());
        Assert.Equal([endpoint.Id], await EnabledIdsAsync());

        Assert.Equal(2, requests.Count);
        Assert.All(requests.Lines, line => Assert.Contains("PartitionKey=", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_endpoint_created_disabled_enabled_or_deleted_elsewhere_is_seen_on_the_next_read()
    {
        Assert.Empty(await EnabledIdsAsync());

        var first = await webhooks.CreateEndpointAsync("http://127.0.0.1:9/a", "payment.succeeded");
        Assert.Equal([first.Id], await EnabledIdsAsync());
        var second = await webhooks.CreateEndpointAsync("http://127.0.0.1:9/b", "payment.failed");
        Assert.Equal(new[] { first.Id, second.Id }.Order(), (await EnabledIdsAsync()).Order());

        (await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{first.Id}", new { status = "disabled" })).EnsureSuccessStatusCode();
        Assert.Equal([second.Id], await EnabledIdsAsync());
        (await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{first.Id}", new { status = "enabled" })).EnsureSuccessStatusCode();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), (await EnabledIdsAsync()).Order());

        (await webhooks.SendAsync(HttpMethod.Delete, $"v1/webhook_endpoints/{second.Id}")).EnsureSuccessStatusCode();
        Assert.Equal([first.Id], await EnabledIdsAsync());
    }

    [Fact]
    public async Task Endpoints_stored_before_the_scope_had_a_marker_are_found()
    {
        var endpoint = await webhooks.CreateEndpointAsync("http://127.0.0.1:9/a", "payment.succeeded");
        // As rows written before markers existed: the endpoint is there, the marker is not.
        await Host.Tables.GetTableClient(Host.Storage.StateTable).DeleteEntityAsync(scope, "webhook_endpoint_set|changes");

        Assert.Equal([endpoint.Id], await EnabledIdsAsync());
        Assert.Equal([endpoint.Id], await EnabledIdsAsync());
    }

    private async Task<string[]> EnabledIdsAsync() =>
        (await relayInstance.ListEnabledAsync(scope, CancellationToken.None)).Select(endpoint => endpoint.Id).ToArray();

    private sealed class RequestLog : HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();
        public int Count => lines.Count;
        public IEnumerable<string> Lines => lines;
        public void Clear() => lines.Clear();
        public override void OnSendingRequest(HttpMessage message) => lines.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToString())}");
    }
}
