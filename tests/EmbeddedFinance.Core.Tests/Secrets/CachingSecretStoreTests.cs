using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmbeddedFinance.Core.Tests.Secrets;

public sealed class CachingSecretStoreTests
{
    [Fact]
    public async Task A_rotation_made_through_the_store_is_current_at_once_and_the_old_version_stays_readable()
    {
        var inner = new Mock<ISecretStore>();
        var old = new SecretValue("card-data-key", "v1", new Sensitive("old"));
        var rotated = new SecretValue("card-data-key", "v2", new Sensitive("new"));
        inner.Setup(s => s.GetAsync("card-data-key", It.IsAny<CancellationToken>())).ReturnsAsync(old);
        inner.Setup(s => s.GetVersionAsync("card-data-key", "v1", It.IsAny<CancellationToken>())).ReturnsAsync(old);
        inner.Setup(s => s.SetAsync("card-data-key", It.IsAny<Sensitive>(), It.IsAny<CancellationToken>())).ReturnsAsync(rotated);
        var store = new CachingSecretStore(inner.Object, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.UtcNow));

        Assert.Equal("v1", (await store.GetAsync("card-data-key", CancellationToken.None))!.Version);
        await store.SetAsync("card-data-key", new Sensitive("new"), CancellationToken.None);

        Assert.Equal("v2", (await store.GetAsync("card-data-key", CancellationToken.None))!.Version);
        Assert.Equal("old", (await store.GetVersionAsync("card-data-key", "v1", CancellationToken.None))!.Value.Reveal());
    }
}
