using System.Text.Json;
using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using Moq;

namespace EmbeddedFinance.Azure.Tests.Events;

/// <summary>Service Bus has no local emulator here: the SDK's mockable sender and its model factory stand in.</summary>
public sealed class ServiceBusEventPublisherTests
{
    private static PlatformEvent Entry(string type) => PlatformEvent.Of(type, "mer_x:test", Mode.Test, new { id = "pay_1", @object = "payment" }, TimeProvider.System);

    [Fact]
    public async Task Each_event_is_sent_once_with_the_event_id_as_message_id_so_duplicate_detection_drops_repeats()
    {
        var sent = new List<ServiceBusMessage>();
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ServiceBusModelFactory.ServiceBusMessageBatch(1024 * 1024, sent));
        var entries = new[] { Entry(EventTypes.PaymentSucceeded), Entry(EventTypes.PaymentRefunded) };

        await new ServiceBusEventPublisher(sender.Object).PublishAsync(entries, CancellationToken.None);

        Assert.Equal(entries.Select(entry => entry.Id), sent.Select(message => message.MessageId));
        Assert.Equal([EventTypes.PaymentSucceeded, EventTypes.PaymentRefunded], sent.Select(message => message.Subject));
        using var body = JsonDocument.Parse(sent[0].Body.ToString());
        Assert.Equal(entries[0].Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("payment", body.RootElement.GetProperty("data").GetProperty("object").GetProperty("object").GetString());
        sender.Verify(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Events_that_do_not_fit_one_batch_go_in_the_next()
    {
        var sent = new List<ServiceBusMessage>();
        var sender = new Mock<ServiceBusSender>();
        // A batch that takes one message at most.
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                var taken = 0;
                return ServiceBusModelFactory.ServiceBusMessageBatch(1024, sent, tryAddCallback: _ => taken++ == 0);
            });
        var entries = new[] { Entry(EventTypes.PaymentSucceeded), Entry(EventTypes.PaymentCaptured), Entry(EventTypes.PaymentRefunded) };

        await new ServiceBusEventPublisher(sender.Object).PublishAsync(entries, CancellationToken.None);

        Assert.Equal(entries.Select(entry => entry.Id), sent.Select(message => message.MessageId));
        sender.Verify(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_send_failure_reaches_the_trigger_as_transient_so_the_message_is_parked_not_poisoned()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ServiceBusModelFactory.ServiceBusMessageBatch(1024 * 1024, new List<ServiceBusMessage>()));
        sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        var failure = await Assert.ThrowsAsync<ServiceBusException>(() =>
            new ServiceBusEventPublisher(sender.Object).PublishAsync([Entry(EventTypes.PaymentSucceeded)], CancellationToken.None));
        Assert.True(TransientFailures.Is(failure));
    }
}
