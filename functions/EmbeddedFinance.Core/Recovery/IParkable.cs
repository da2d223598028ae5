namespace EmbeddedFinance.Core.Recovery;

/// <summary>
/// A queue message that can be put back on its own queue, hidden for a while, when its work meets a dependency
/// that is down: the queue's own retries are few and close together (then the poison queue), an outage is not.
/// </summary>
public interface IParkable<out TSelf>
{
    /// <summary>How often the message was parked before; paces the next wait.</summary>
    int Parked { get; }

    /// <summary>The same message, counted as parked once more.</summary>
    TSelf ParkedOnceMore();
}
