using System.Net.Sockets;
using Azure;
using EmbeddedFinance.Azure.Storage;

namespace EmbeddedFinance.Azure.Tests.Storage;

/// <summary>Which failures the API answers with 503 (storage did not answer) rather than 500 (a bug) or the failure's own answer.</summary>
public sealed class StorageUnavailabilityTests
{
    public static TheoryData<Exception> Unavailable => new()
    {
        new RequestFailedException(0, "no response"),
        new RequestFailedException(408, "timeout"),
        new RequestFailedException(500, "server busy"),
        new RequestFailedException(503, "server busy"),
        new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:05."),
        new OperationCanceledException(),
        new AggregateException("Retry failed after 3 tries.", new TaskCanceledException(), new RequestFailedException(0, "no response"), new HttpRequestException("refused")),
        new IOException("reset"),
        new HttpRequestException("refused"),
        new SocketException((int)SocketError.ConnectionRefused),
    };

    public static TheoryData<Exception> Other => new()
    {
        new RequestFailedException(409, "exists"),
        new RequestFailedException(412, "changed"),
        new RequestFailedException(404, "missing"),
        new AggregateException(new TaskCanceledException(), new InvalidOperationException("bug")),
        new AggregateException(),
        new InvalidOperationException("bug"),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Storage_that_did_not_answer_is_unavailable(Exception failure) => Assert.True(StorageUnavailability.Covers(failure));

    [Theory]
    [MemberData(nameof(Other))]
    public void An_answer_or_a_bug_is_not(Exception failure) => Assert.False(StorageUnavailability.Covers(failure));
}
