using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Core.Tests.Common;

public sealed class PrefixedIdTests
{
    [Fact]
    public void Ids_sort_in_creation_order_and_never_repeat()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add(PrefixedId.New("pay", clock));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(PrefixedId.IsWellFormed(id, "pay")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mer_")]
    [InlineData("pay_01m88mf7f0ae2pezft6dhfmw52")]
    [InlineData("mer_01m88mf7f0ae2pezft6dhfmw5")]
    [InlineData("mer_01m88mf7f0ae2pezft6dhfmwU2")]
    [InlineData("mer_01m88mf7f0ae2pezft6dhfm'2")]
    public void Malformed_ids_are_rejected(string? id) => Assert.False(PrefixedId.IsWellFormed(id, "mer"));
}
