using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Recovery;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Recovery;

/// <summary>
/// Runs a queue trigger's work; when a dependency is down, parks the message back on its queue for a growing wait
/// instead of failing it. A failure makes the host retry a few times seconds apart and then poison the message,
/// which strands money and events behind an outage of a minute; a parked message keeps coming back until the
/// dependency does. Bugs still fail (and end in the poison queue, where an operator looks); so does a park that
/// cannot be written, which the queue's own retries then cover.
/// </summary>
public sealed class QueueWork(QueueMessages messages, IOptions<QueueNames> queues, IOptions<RecoveryOptions> options, ILogger<QueueWork> logger)
{
    public async Task RunAsync<T>(string function, Func<QueueNames, string> queue, T message, Func<Task> work, CancellationToken cancellationToken)
        where T : IParkable<T>
    {
        try
        {
            await work();
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested && TransientFailures.Is(failure))
        {
            var delay = options.Value.ParkDelay(message.Parked, TransientFailures.RetryAfter(failure));
            var parked = message.ParkedOnceMore();
            await messages.SendAsync(queue(queues.Value), parked, delay, CancellationToken.None);
            PlatformTelemetry.QueueWork.Add(1, PlatformTelemetry.Tags(("function", function), ("outcome", "parked")));
            var level = parked.Parked >= options.Value.AlertAfterParks ? LogLevel.Error : LogLevel.Warning;
            logger.Log(level, "{Function} parked {Message} for {DelaySeconds:0} s after {Reason}: {Detail} (parked {Parked} times)",
                function, message, delay.TotalSeconds, failure.GetType().Name, failure.Message, parked.Parked);
        }
    }
}
