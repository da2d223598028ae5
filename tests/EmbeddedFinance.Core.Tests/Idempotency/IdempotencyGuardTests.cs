using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace EmbeddedFinance.Core.Tests.Idempotency;

public sealed class IdempotencyGuardTests
{
    private readonly Mock<IIdempotencyStore> store = new();
    private readonly IdempotencyLease lease = new("platform", "k", "fp", "etag", DateTimeOffset.UtcNow);
    private static readonly StoredResponse Created = new(201, StoredResponse.Json, "{\"id\":\"mer_1\"}");

    private IdempotencyGuard Guard => new(store.Object, Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions { InFlightWait = TimeSpan.Zero }), NullLogger<IdempotencyGuard>.Instance);

    private static StoredResponse Render(ApiError error) => new(error.Status, StoredResponse.Problem, error.Code);

    private void Begins(IdempotencyBegin begin) =>
        store.Setup(s => s.BeginAsync("platform", "k", "fp", It.IsAny<CancellationToken>())).ReturnsAsync(begin);

    private Task<IdempotentOutcome> Run(Func<IdempotencyLease, Task<Result<StoredResponse>>> operation) =>
        Guard.ExecuteAsync("platform", IdempotencyKeySpace.ServerSide, "k", "fp", operation, Render, CancellationToken.None);

    [Fact]
    public async Task A_duplicate_arriving_while_the_first_runs_waits_and_gets_the_first_response()
    {
        store.SetupSequence(s => s.BeginAsync("platform", "k", "fp", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyBegin.InFlight())
            .ReturnsAsync(new IdempotencyBegin.InFlight())
            .ReturnsAsync(new IdempotencyBegin.Replay(Created));
        var waiting = new IdempotencyGuard(store.Object, Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions { InFlightWait = TimeSpan.FromSeconds(5) }), NullLogger<IdempotencyGuard>.Instance);

        var outcome = await waiting.ExecuteAsync("platform", IdempotencyKeySpace.ServerSide, "k", "fp", _ => throw new InvalidOperationException("must not run"), Render, CancellationToken.None);

        Assert.True(outcome.Replayed);
        Assert.Equal(Created, outcome.Response);
    }

    [Fact]
    public async Task A_completed_key_replays_without_running_the_operation()
    {
        Begins(new IdempotencyBegin.Replay(Created));
        var ran = false;

        var outcome = await Run(_ => { ran = true; return Task.FromResult<Result<StoredResponse>>(Created); });

        Assert.False(ran);
        Assert.True(outcome.Replayed);
        Assert.Equal(Created, outcome.Response);
    }

    [Theory]
    [InlineData(true, 422, "idempotency_key_reused")]
    [InlineData(false, 409, "idempotency_request_in_flight")]
    public async Task A_reused_or_busy_key_is_refused_without_running(bool mismatch, int status, string code)
    {
        Begins(mismatch ? new IdempotencyBegin.Mismatch() : new IdempotencyBegin.InFlight());

        var outcome = await Run(_ => throw new InvalidOperationException("must not run"));

        Assert.Equal(status, outcome.Response.Status);
        Assert.Equal(code, outcome.Response.Body);
    }

    [Fact]
    public async Task A_result_committed_with_the_state_change_is_not_recorded_twice()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        var outcome = await Run(acquired => { acquired.MarkCommitted(); return Task.FromResult<Result<StoredResponse>>(Created); });

        Assert.Equal(Created, outcome.Response);
        store.Verify(s => s.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_expected_refusal_that_wrote_nothing_is_recorded_so_it_replays()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        var outcome = await Run(_ => Task.FromResult<Result<StoredResponse>>(Errors.StateInvalid("already canceled")));

        Assert.Equal(409, outcome.Response.Status);
        store.Verify(s => s.CompleteAsync(It.Is<IdempotencyCompletion>(c => c.Response.Status == 409 && c.Lease == lease), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task An_exception_frees_the_key_and_propagates()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        await Assert.ThrowsAsync<IOException>(() => Run(_ => throw new IOException("storage lost")));

        store.Verify(s => s.ReleaseAsync(lease, It.IsAny<CancellationToken>()));
        store.Verify(s => s.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_server_side_error_result_frees_the_key_instead_of_recording_it()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        var outcome = await Run(_ => Task.FromResult<Result<StoredResponse>>(Errors.Unavailable("acquirer down")));

        Assert.Equal(503, outcome.Response.Status);
        store.Verify(s => s.ReleaseAsync(lease, It.IsAny<CancellationToken>()));
        store.Verify(s => s.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_lease_lost_while_running_answers_in_flight()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        var outcome = await Run(_ => throw new IdempotencyLeaseLostException("taken over"));

        Assert.Equal(409, outcome.Response.Status);
    }

    [Fact]
    public async Task A_transient_conflict_answers_409_and_frees_the_key_instead_of_sealing_it()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        var outcome = await Run(_ => Task.FromResult<Result<StoredResponse>>(Errors.ConflictRetry()));

        Assert.Equal(409, outcome.Response.Status);
        Assert.Equal("conflict_retry", outcome.Response.Body);
        store.Verify(s => s.ReleaseAsync(lease, It.IsAny<CancellationToken>()));
        store.Verify(s => s.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_write_that_ran_out_of_concurrency_retries_frees_the_key()
    {
        Begins(new IdempotencyBegin.Acquired(lease));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Run(_ => throw new ConcurrencyConflictException("changed")));

        store.Verify(s => s.ReleaseAsync(lease, It.IsAny<CancellationToken>()));
        store.Verify(s => s.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_release_that_fails_during_an_outage_still_answers_503()
    {
        Begins(new IdempotencyBegin.Acquired(lease));
        store.Setup(s => s.ReleaseAsync(lease, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));

        var outcome = await Run(_ => Task.FromResult<Result<StoredResponse>>(Errors.Unavailable("storage down")));

        Assert.Equal(503, outcome.Response.Status);
        store.Verify(s => s.CompleteAsync(It.IsAny<IdempotencyCompletion>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
