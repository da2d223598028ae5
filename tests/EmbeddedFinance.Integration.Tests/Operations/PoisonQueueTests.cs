using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Outbox;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Operations;

/// <summary>Invariant 9: poisoned work is visible to the operator and goes back to its queue, byte for byte, once its cause is fixed.</summary>
public sealed class PoisonQueueTests : HostedTest
{
    private const string ProbeScope = "mer_poisonprobe";
    private FlakyOutbox outbox = null!;
    private QueueServiceClient raw = null!;

    private QueueNames Names => Host.Services.GetRequiredService<IOptions<QueueNames>>().Value;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IOutbox>(provider =>
            outbox = new FlakyOutbox(ActivatorUtilities.CreateInstance<TableOutbox>(provider), ProbeScope));

    protected override Task ArrangeAsync()
    {
        raw = new QueueServiceClient(Host.ConnectionString);
        _ = Host.Services.GetRequiredService<IOutbox>();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_poisoned_message_is_listed_then_requeued_byte_for_byte_and_processed()
    {
        var wire = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new OutboxNudgeMessage(ProbeScope))));
        await raw.GetQueueClient(Names.Outbox).SendMessageAsync(wire);
        var poison = raw.GetQueueClient(Names.Outbox + "-poison");
        await Eventually.HoldsAsync(async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync(1)).Value.Length == 1, "the message poisoned", seconds: 30);

        using var listed = await Host.SendAsync(HttpMethod.Get, "v1/admin/poison", TestHost.AdminKey);
        var list = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("list", list.GetProperty("object").GetString());
        var queues = list.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(Names.All.Order(), queues.Select(queue => queue.GetProperty("queue").GetString()!).Order());
        var outboxQueue = queues.Single(queue => queue.GetProperty("queue").GetString() == Names.Outbox);
        Assert.Equal(Names.Outbox + "-poison", outboxQueue.GetProperty("poison_queue").GetString());
        Assert.Equal(1, outboxQueue.GetProperty("approximate_count").GetInt32());
        var message = Assert.Single(outboxQueue.GetProperty("messages").EnumerateArray());
        Assert.Equal(wire, message.GetProperty("body").GetString());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("id").GetString()));
        Assert.True(message.GetProperty("inserted_at").GetInt64() > 0);
        Assert.True(message.TryGetProperty("dequeue_count", out _));
        Assert.All(queues.Where(queue => queue.GetProperty("queue").GetString() != Names.Outbox),
            queue => Assert.Equal(0, queue.GetProperty("approximate_count").GetInt32()));

        // The bug is fixed: send the message back.
        outbox.Failing = false;
        using var requeued = await Host.SendAsync(HttpMethod.Post, $"v1/admin/poison/{Names.Outbox}/requeue", TestHost.AdminKey, new { limit = 10 });
        var answer = JsonDocument.Parse(await requeued.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        Assert.Equal("poison_requeue", answer.GetProperty("object").GetString());
        Assert.Equal(Names.Outbox, answer.GetProperty("queue").GetString());
        Assert.Equal(1, answer.GetProperty("requeued").GetInt32());

        await Eventually.HoldsAsync(() => outbox.ProbeReads.Contains(true), "the requeued message processed", seconds: 30);
        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);
        await Eventually.HoldsAsync(async () => (await raw.GetQueueClient(Names.Outbox).PeekMessagesAsync(32)).Value.Length == 0, "the outbox queue empty", seconds: 30);
        Assert.Contains(Host.Logs.Lines, line => line.Contains($"Requeued 1 of at most 10 poisoned messages from {Names.Outbox}-poison", StringComparison.Ordinal));
        Assert.Contains(await Host.DumpTablesAsync(), row => row.Contains("poison.requeue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_queue_is_404_and_a_bad_limit_400()
    {
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/admin/poison/no-such-queue/requeue", TestHost.AdminKey, new { }), 404, "resource_missing", "queue");
        // A poison queue is not a queue the platform consumes: it cannot be "requeued" into itself.
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/poison/{Names.Outbox}-poison/requeue", TestHost.AdminKey, new { }), 404, "resource_missing", "queue");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/poison/{Names.Outbox}/requeue", TestHost.AdminKey, new { limit = 0 }), 400, "parameter_invalid", "limit");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/poison/{Names.Outbox}/requeue", TestHost.AdminKey, new { limit = 1001 }), 400, "parameter_invalid", "limit");
    }

    [Fact]
    public async Task A_merchant_key_is_403_on_both_routes()
    {
        var merchant = await Host.CreateMerchantAsync();

        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, "v1/admin/poison", merchant.SecretKey), 403, "forbidden");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, $"v1/admin/poison/{Names.Outbox}/requeue", merchant.SecretKey, new { }), 403, "forbidden");
    }
}
