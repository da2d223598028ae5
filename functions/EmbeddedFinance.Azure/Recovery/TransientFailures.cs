using System.Net.Sockets;
using Azure;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payouts;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EmbeddedFinance.Azure.Recovery;

/// <summary>
/// Tells a dependency being down (storage, Key Vault, Service Bus, the payout rail, contention that outlasted its
/// retries) from a bug. The first is worth waiting out; the second would fail the same way every time.
/// </summary>
public static class TransientFailures
{
    public static bool Is(Exception failure) => failure switch
    {
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(Is),
        BrokenCircuitException or TimeoutRejectedException or PayoutRailUnavailableException or ConcurrencyConflictException => true,
        RequestFailedException request => IsTransientStatus(request.Status),
        ServiceBusException serviceBus => serviceBus.IsTransient || serviceBus.Reason is ServiceBusFailureReason.ServiceBusy or ServiceBusFailureReason.ServiceTimeout or ServiceBusFailureReason.ServiceCommunicationProblem,
        // The identity endpoint (managed identity, Entra ID) being unreachable is an outage too.
        AuthenticationFailedException or CredentialUnavailableException => true,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        // The SDKs surface their own network timeouts as cancellations; the host's shutdown is told apart by its token.
        OperationCanceledException => true,
        _ => failure.InnerException is { } inner && Is(inner),
    };

    /// <summary>How long the failure itself says to wait (an open circuit's remaining break), if it says.</summary>
    public static TimeSpan? RetryAfter(Exception failure) => failure switch
    {
        BrokenCircuitException broken => broken.RetryAfter,
        _ => failure.InnerException is { } inner ? RetryAfter(inner) : null,
    };

    private static bool IsTransientStatus(int status) => status is 0 or 408 or 429 or >= 500;
}
