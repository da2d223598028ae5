using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace EmbeddedFinance.Core.Tests.Idempotency;

/// <summary>A publishable key's Idempotency-Keys live apart from the merchant's server-side keys' in the same scope.</summary>
public sealed class IdempotencyKeySpaceTests
{
    [Fact]
    public void Publishable_keys_have_their_own_space_and_every_other_caller_is_server_side()
    {
        Assert.Same(IdempotencyKeySpace.Publishable, IdempotencyKeySpace.Of(new Caller.Merchant("mer_1", "key_2", ApiKeyKind.Publishable, Mode.Test)));
        Assert.Same(IdempotencyKeySpace.ServerSide, IdempotencyKeySpace.Of(new Caller.Merchant("mer_1", "key_1", ApiKeyKind.Secret, Mode.Test)));
        Assert.Same(IdempotencyKeySpace.ServerSide, IdempotencyKeySpace.Of(new Caller.Admin()));
    }

    [Fact]
    public void Server_side_records_keep_the_clients_key_so_records_written_before_spaces_still_replay() =>
        Assert.Equal("order_123", IdempotencyKeySpace.ServerSide.RecordKey("order_123"));

    [Fact]
    public void No_key_a_client_may_send_names_a_record_of_the_other_space()
    {
        var publishable = IdempotencyKeySpace.Publishable.RecordKey("order_123");

        Assert.NotEqual(IdempotencyKeySpace.ServerSide.RecordKey("order_123"), publishable);
        // The only way to spell the publishable record key server-side is with a control character, which a client's key may not hold.
        Assert.NotNull(IdempotencyKey.Validate(publishable));
    }

    [Fact]
    public async Task The_guard_records_a_publishable_key_apart_from_the_same_server_side_key()
    {
        var store = new Mock<IIdempotencyStore>();
        store.Setup(s => s.BeginAsync(It.IsAny<string>(), It.IsAny<string>(), "fp", It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyBegin.InFlight());
        var guard = new IdempotencyGuard(store.Object, Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions { InFlightWait = TimeSpan.Zero }), NullLogger<IdempotencyGuard>.Instance);

        foreach (var space in new[] { IdempotencyKeySpace.Publishable, IdempotencyKeySpace.ServerSide })
        {
            await guard.ExecuteAsync("mer_1:test", space, "order_123", "fp", _ => throw new InvalidOperationException("must not run"),
                error => new StoredResponse(error.Status, StoredResponse.Problem, error.Code), CancellationToken.None);
        }

        store.Verify(s => s.BeginAsync("mer_1:test", "order_123", "fp", It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.BeginAsync("mer_1:test", It.Is<string>(key => key != "order_123"), "fp", It.IsAny<CancellationToken>()), Times.Once);
    }
}
