using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>
/// The version each merchant is pinned to, read once per <see cref="Lifetime"/> per process: every request without
/// <c>EF-Version</c> needs it. An upgrade through this process is seen at once; other instances see it within the lifetime.
/// </summary>
public sealed class MerchantApiVersions(IMerchantStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ExpiringCache<string, string> pinned = new(Lifetime, clock);

    public Task<string> PinnedAsync(string merchantId, CancellationToken cancellationToken) =>
        pinned.GetOrAddAsync(merchantId, async ct => (await store.GetAsync(merchantId, ct))?.ApiVersion ?? ApiVersions.Newest, cancellationToken);

    public void Pin(string merchantId, string version) => pinned.Set(merchantId, version);
}
