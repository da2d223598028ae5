using System.Net;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>Resolves a host name. A port so tests can make a name resolve differently at creation and at delivery (DNS rebinding).</summary>
public interface IAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsAddressResolver : IAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
