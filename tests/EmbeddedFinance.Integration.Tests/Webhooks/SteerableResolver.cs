using System.Collections.Concurrent;
using System.Net;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>DNS a test controls: names it maps answer what the test says (and can change, as a rebinding attacker would); others go to the real resolver.</summary>
public sealed class SteerableResolver : IAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);

    public void Map(string host, params string[] addresses) => names[host] = addresses.Select(IPAddress.Parse).ToArray();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : Dns.GetHostAddressesAsync(host, cancellationToken);
}
