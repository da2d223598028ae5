using System.Net.Sockets;
using Azure;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Whether a failure means storage did not answer (down, unreachable, overloaded, or past the SDK's network timeout)
/// rather than a bug: the request is then 503 and may be retried, not 500.
/// </summary>
public static class StorageUnavailability
{
    public static bool Covers(Exception failure) => failure switch
    {
        // Status 0: no HTTP answer at all (the SDK wraps the transport's failure).
        RequestFailedException failed => failed.Status is 0 or 408 or 500 or 502 or 503 or 504,
        // The SDK's retry policy gives up with every try's failure inside.
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(Covers),
        // The SDK's network timeout surfaces as a cancellation nobody asked for (the caller rules out the client's own abort).
        OperationCanceledException or IOException or HttpRequestException or SocketException or CommitOutcomeUnknownException => true,
        _ => false,
    };
}
