namespace EmbeddedFinance.Core.Operations;

/// <summary>The platform's queues and their <c>&lt;queue&gt;-poison</c> twins, where messages end that failed every attempt.</summary>
public interface IPoisonQueues
{
    /// <summary>What the Functions host appends to a queue's name for its poison queue.</summary>
    const string Suffix = "-poison";

    /// <summary>The main queues' names as configured, in a stable order.</summary>
    IReadOnlyList<string> Queues { get; }

    /// <summary>Each queue's poison twin: its approximate size and up to <paramref name="peek"/> of its oldest messages, left in place.</summary>
    Task<IReadOnlyList<PoisonQueueView>> PeekAsync(int peek, CancellationToken cancellationToken);

    /// <summary>
    /// Moves up to <paramref name="limit"/> messages from <paramref name="queue"/>'s poison twin back to it, body unchanged;
    /// each leaves the poison queue only after it was sent again. Returns how many moved.
    /// </summary>
    Task<int> RequeueAsync(string queue, int limit, CancellationToken cancellationToken);
}
