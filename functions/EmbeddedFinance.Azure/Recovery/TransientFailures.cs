using Azure;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Azure.Storage;
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
    public static bool Is(Exception failure) => StorageUnavailability.Covers(failure) || failure switch
    {
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(Is),
        BrokenCircuitException or TimeoutRejectedException or PayoutRailUnavailableException or Core.Onboarding.IdentityVerifierUnavailableException or ConcurrencyConflictException => true,
        // Storage and Key Vault speak the same RequestFailedException; beyond "no answer", throttling is worth waiting out.
        RequestFailedException request => request.Status is 429 or >= 500,
        ServiceBusException serviceBus => serviceBus.IsTransient || serviceBus.Reason is ServiceBusFailureReason.ServiceBusy or ServiceBusFailureReason.ServiceTimeout or ServiceBusFailureReason.ServiceCommunicationProblem,
        // The identity endpoint (managed identity, Entra ID) being unreachable is an outage too.
        AuthenticationFailedException or CredentialUnavailableException or TimeoutException => true,
        _ => failure.InnerException is { } inner && Is(inner),
    };

    /// <summary>How long the failure itself says to wait (an open circuit's remaining break), if it says.</summary>
    public static TimeSpan? RetryAfter(Exception failure) => failure switch
    {
        BrokenCircuitException broken => broken.RetryAfter,
        _ => failure.InnerException is { } inner ? RetryAfter(inner) : null,
    };
}
