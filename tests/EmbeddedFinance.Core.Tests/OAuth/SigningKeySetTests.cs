using EmbeddedFinance.Core.OAuth;

namespace EmbeddedFinance.Core.Tests.OAuth;

public sealed class SigningKeySetTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15.5);

    [Fact]
    public void A_rotated_set_keeps_the_signer_and_publishes_the_next_key_ahead_of_its_use()
    {
        var first = SigningKeySet.Of([SigningKey.Generate(Start)]);

        var rotated = first.Rotate(Start.AddDays(30), Delay, Lifetime);

        Assert.Equal(2, rotated.Keys.Count);
        Assert.Equal(first.Keys[0].Kid, rotated.SignerAt(Start.AddDays(30)).Kid);
        Assert.Equal(rotated.Keys[0].Kid, rotated.SignerAt(Start.AddDays(30) + Delay).Kid);
    }

    [Fact]
    public void A_retired_key_is_kept_while_its_tokens_may_live_and_dropped_after()
    {
        var set = SigningKeySet.Of([SigningKey.Generate(Start)]).Rotate(Start.AddDays(30), Delay, Lifetime);
        var retired = set.Keys[1].Kid;
        var successorSigns = set.Keys[0].ActiveFrom;

        var soon = set.Rotate(successorSigns + TimeSpan.FromMinutes(10), Delay, Lifetime);
        var later = set.Rotate(successorSigns + TimeSpan.FromMinutes(16), Delay, Lifetime);

        Assert.NotNull(soon.Find(retired));
        Assert.Null(later.Find(retired));
        Assert.Equal(2, later.Keys.Count);
    }

    [Fact]
    public void The_set_survives_the_secret_store_as_text()
    {
        var set = SigningKeySet.Of([SigningKey.Generate(Start)]).Rotate(Start.AddDays(1), Delay, Lifetime);

        var read = SigningKeySet.Deserialize(set.Serialize());

        Assert.Equal(set.Keys.Select(key => (key.Kid, key.ActiveFrom)), read.Keys.Select(key => (key.Kid, key.ActiveFrom)));
        Assert.DoesNotContain("private", set.ToString() ?? "");
    }
}
