using System.Text.Json;
using Azure;
using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payouts;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EmbeddedFinance.Azure.Tests.Recovery;

/// <summary>What parks a message (a dependency down) and what still fails it into the poison queue (a bug).</summary>
public sealed class TransientFailuresTests
{
    public static TheoryData<Exception> Outages => new()
    {
        new BrokenCircuitException("open"),
        new TimeoutRejectedException("slow"),
        new PayoutRailUnavailableException("503"),
        new ConcurrencyConflictException("contention outlasted its retries"),
        new RequestFailedException(503, "Key Vault unavailable"),
        new RequestFailedException(429, "throttled"),
        new RequestFailedException(0, "no answer"),
        new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy),
        new HttpRequestException("connection refused"),
        new TaskCanceledException("the SDK's network timeout"),
        new AggregateException(new RequestFailedException(500, "a"), new IOException("b")),
        new InvalidOperationException("wrapper", new RequestFailedException(503, "inner")),
    };

    public static TheoryData<Exception> Bugs => new()
    {
        new InvalidOperationException("payout po_x does not exist"),
        new JsonException("unreadable message"),
        new NullReferenceException(),
        new RequestFailedException(404, "not found"),
        new RequestFailedException(400, "bad request"),
        new ServiceBusException("too large", ServiceBusFailureReason.MessageSizeExceeded),
        new AggregateException(new RequestFailedException(503, "a"), new FormatException("b")),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void A_dependency_being_down_is_transient(Exception failure) => Assert.True(TransientFailures.Is(failure));

    [Theory]
    [MemberData(nameof(Bugs))]
    public void A_bug_is_not_transient_so_it_still_ends_in_the_poison_queue(Exception failure) => Assert.False(TransientFailures.Is(failure));

    [Fact]
    public void An_open_circuit_says_how_long_to_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), TransientFailures.RetryAfter(new BrokenCircuitException("open", TimeSpan.FromSeconds(7))));
        Assert.Null(TransientFailures.RetryAfter(new RequestFailedException(503, "down")));
    }
}
