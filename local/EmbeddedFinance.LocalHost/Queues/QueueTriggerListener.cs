using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using EmbeddedFinance.LocalHost.DevConsole;
using EmbeddedFinance.LocalHost.Indexing;
using EmbeddedFinance.LocalHost.Invocation;

namespace EmbeddedFinance.LocalHost.Queues;

/// <summary>
/// Polls one queue with the Functions semantics: batches of <c>batchSize</c>, a new batch when in-flight work
/// falls to <c>newBatchThreshold</c>, base64 bodies, a failed message made visible again after
/// <c>visibilityTimeout</c>, and moved with its body intact to <c>&lt;queue&gt;-poison</c> after
/// <c>maxDequeueCount</c> attempts.
/// </summary>
public sealed class QueueTriggerListener(
    QueueFunction function,
    QueueClient queue,
    QueueClient poisonQueue,
    FunctionInvoker invoker,
    InvocationLog invocations,
    QueueTriggerOptions options,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    private readonly List<Task> inFlight = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new PollingBackoff(options.MaxPollingInterval);
        // The function listing names the queue; this line is for debugging the listener itself.
        logger.LogDebug("Function {Function} listening on queue {Queue}", function.Name, queue.Name);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(task => task.IsCompleted);
                if (inFlight.Count > options.EffectiveNewBatchThreshold)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                var messages = await ReceiveAsync(stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(backoff.NextDelay(), stoppingToken);
                    continue;
                }
                backoff.Reset();
                inFlight.AddRange(messages.Select(message => ProcessAsync(message, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(options.BatchSize, options.MessageLease, stoppingToken)).Value;
        }
        catch (RequestFailedException missing) when (missing.ErrorCode == "QueueNotFound")
        {
            // Like the Functions host, a queue nobody has written to yet is simply empty.
            await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            return [];
        }
        catch (Exception unavailable) when (!stoppingToken.IsCancellationRequested)
        {
            // Storage unreachable: keep polling with back-off, as the Functions host does; never stop the host.
            logger.LogWarning("Function {Function} could not read queue {Queue}: {Reason}; retrying", function.Name, queue.Name, unavailable.GetType().Name);
            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            // A message seen more often than allowed was abandoned by crashes mid-invocation: stop retrying it.
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await invoker.InvokeAsync(function, new TriggerInput.Queue(message, Decode(message), stoppingToken));
                invocations.Record(function.Name, "succeeded", started, "message " + message.MessageId);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: hand the message back now rather than leave it hidden for the whole lease.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
                return;
            }
            catch (Exception failure)
            {
                invocations.Record(function.Name, "failed", started, "message " + message.MessageId);
                await HandleFailureAsync(message, failure);
                return;
            }
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception unsettled)
        {
            // The message stays in the queue and reappears after its lease: at-least-once, as under the real host.
            logger.LogWarning("Function {Function}: message {MessageId} was not settled ({Reason}); it will be delivered again",
                function.Name, message.MessageId, unsettled.GetType().Name);
        }
    }

    private async Task HandleFailureAsync(QueueMessage message, Exception failure)
    {
        logger.LogError(failure, "Function {Function} failed on message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount})",
            function.Name, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
        if (message.DequeueCount >= options.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message);
            return;
        }
        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
    }

    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        // The raw text, still in its wire encoding, so the poison message is byte-for-byte the original.
        await poisonQueue.SendMessageAsync(message.MessageText, CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        logger.LogError("Function {Function}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} attempts",
            function.Name, message.MessageId, poisonQueue.Name, message.DequeueCount);
    }

    private BinaryData Decode(QueueMessage message)
    {
        if (!options.IsBase64) return message.Body;
        try
        {
            return new BinaryData(Convert.FromBase64String(message.MessageText));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Message {message.MessageId} is not base64, but host.json says messageEncoding is base64.");
        }
    }
}
