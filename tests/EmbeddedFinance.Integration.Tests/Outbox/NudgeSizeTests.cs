using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Outbox;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Outbox;

/// <summary>A burst of large events in one nudge window goes out as several messages, each within the queue's 64 KiB, naming every event once.</summary>
public sealed class NudgeSizeTests
{
    [Fact]
    public async Task A_window_of_300_two_kilobyte_events_is_split_into_messages_under_the_queue_limit_that_name_each_event_once()
    {
        var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var name = IsolatedStorage.NewPrefix("n") + "-outbox";
        var queue = queues.GetQueueClient(name);
        await queue.CreateAsync();
        var nudge = new QueueOutboxNudge(new QueueMessages(queues), Options.Create(new QueueNames { Outbox = name }), NullLogger<QueueOutboxNudge>.Instance);
        // Quotes are escaped six characters each by the serializer: the object's own length says little of the message's.
        var objectJson = JsonSerializer.Serialize(new { id = "pay_x", description = string.Concat(Enumerable.Repeat("\"quoted\" ", 220)) });
        var entries = Enumerable.Range(0, 300)
            .Select(_ => new OutboxEntry(PlatformEvent.Of(EventTypes.PaymentSucceeded, "mer_x:test", Mode.Test, JsonDocument.Parse(objectJson).RootElement, TimeProvider.System), null, ""))
            .ToList();

        nudge.Nudge("mer_x:test", entries);

        var named = new List<string>();
        var raw = new QueueClient(await SharedAzurite.ConnectionStringAsync(), name);
        var count = 0;
        // The window closes, then its messages are sent one by one: take them as they come until all 300 events are named.
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var message in (await raw.ReceiveMessagesAsync(32)).Value)
            {
                count++;
                Assert.True(message.MessageText.Length <= 64 * 1024, $"a message of {message.MessageText.Length} characters");
                var body = JsonSerializer.Deserialize<OutboxNudgeMessage>(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)))!;
                named.AddRange(body.Events!.Select(note => note.EventId));
                await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            return named.Count >= entries.Count;
        }, "messages naming all 300 events", state: () => $"{named.Count} named in {count} messages");
        Assert.Equal(entries.Select(entry => entry.Event.Id).Order(), named.Order());
        Assert.True(count > 1, "one message carried them all: the test did not reach the limit");
        await queue.DeleteAsync();
    }
}
