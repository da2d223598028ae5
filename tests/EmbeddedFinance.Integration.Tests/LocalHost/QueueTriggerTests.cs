using System.Text;
using Azure.Storage.Queues;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

public sealed class QueueTriggerTests : HostedTest
{
    private const int MaxDequeueCount = 3;
    private readonly ProbeRecorder recorder = new();
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];
    private QueueServiceClient raw = null!;

    private string FailingQueue => "fail-" + suffix;
    private string ReceivingQueue => "recv-" + suffix;
    private string AbandonedQueue => "abandoned-" + suffix;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = MaxDequeueCount.ToString(),
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
        ["Queues:Failing"] = FailingQueue,
        ["Queues:Receiving"] = ReceivingQueue,
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(recorder);

    protected override IEnumerable<FunctionMetadata> ExtraFunctions => [
        ProbeMetadata.Queue("AlwaysFails", nameof(ProbeFunctions.AlwaysFails), "%Queues:Failing%"),
        ProbeMetadata.Queue("Receives", nameof(ProbeFunctions.ReceivesAsync), "%Queues:Receiving%"),
        ProbeMetadata.Queue("AbandonedProbe", nameof(ProbeFunctions.AlwaysFails), AbandonedQueue),
    ];

    protected override async Task<TestHost> StartHostAsync()
    {
        raw = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync());
        await AbandonMessageAsync();
        return await base.StartHostAsync();
    }

    [Fact]
    public async Task A_message_that_throws_maxDequeueCount_times_lands_in_the_poison_queue_with_its_body_intact()
    {
        var wire = Convert.ToBase64String(Encoding.UTF8.GetBytes("order 42 ✓"));
        await raw.GetQueueClient(FailingQueue).CreateIfNotExistsAsync();
        await raw.GetQueueClient(FailingQueue).SendMessageAsync(wire);

        var poisoned = await WaitForPoisonAsync(FailingQueue);

        Assert.Equal(wire, poisoned);
        var attempts = recorder.Of("fail");
        Assert.Equal(Enumerable.Repeat("order 42 ✓", MaxDequeueCount), attempts.Select(call => call.Value));
        // host.json visibilityTimeout (1 s here) spaces the attempts.
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True((pair.Second.At - pair.First.At).TotalSeconds >= 0.9, "retried before visibilityTimeout"));
        Assert.Empty((await raw.GetQueueClient(FailingQueue).PeekMessagesAsync(32)).Value);
        Assert.Contains(Host.Logs.Lines, line => line.Contains("moved to " + FailingQueue + "-poison", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_that_is_not_base64_fails_binding_and_is_poisoned_verbatim()
    {
        await raw.GetQueueClient(FailingQueue).CreateIfNotExistsAsync();
        await raw.GetQueueClient(FailingQueue).SendMessageAsync("not base64 at all!");

        var poisoned = await WaitForPoisonAsync(FailingQueue);

        Assert.Equal("not base64 at all!", poisoned);
        Assert.Empty(recorder.Of("fail"));
    }

    [Fact]
    public async Task A_base64_json_message_binds_to_the_function_parameter_and_is_deleted_after_success()
    {
        var queue = raw.GetQueueClient(ReceivingQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"text":"payout po_1"}""")));

        await Eventually.HoldsAsync(() => recorder.Of("ok").Count == 1, "the message received", seconds: 30);
        Assert.Equal("payout po_1", recorder.Of("ok")[0].Value);
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the message deleted", seconds: 30);
    }

    [Fact]
    public async Task A_message_abandoned_by_crashes_more_than_maxDequeueCount_times_is_poisoned_without_running()
    {
        var poisoned = await WaitForPoisonAsync(AbandonedQueue);

        Assert.Equal("abandoned", Encoding.UTF8.GetString(Convert.FromBase64String(poisoned)));
        Assert.DoesNotContain(recorder.Of("fail"), call => call.Value == "abandoned");
    }

    // Each receive that is never completed is what a worker killed mid-invocation leaves behind.
    private async Task AbandonMessageAsync()
    {
        var queue = raw.GetQueueClient(AbandonedQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("abandoned")));
        for (var crash = 0; crash < MaxDequeueCount; crash++)
        {
            var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value.Single();
            await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
    }

    private async Task<string> WaitForPoisonAsync(string queueName)
    {
        var poison = raw.GetQueueClient(queueName + "-poison");
        string? text = null;
        await Eventually.HoldsAsync(async () =>
        {
            if (!await poison.ExistsAsync()) return false;
            var peeked = (await poison.PeekMessagesAsync(1)).Value;
            text = peeked.Length == 1 ? peeked[0].MessageText : null;
            return text is not null;
        }, $"a message in {poison.Name}", seconds: 30);
        return text!;
    }
}
