using System.Net;
using System.Net.Sockets;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Where an endpoint may point, by mode. Test mode: any http(s) URL, localhost included, so merchants can develop
/// against their laptop. Live mode: https only, to a host whose every address is public. Checked when the URL is
/// set and again on every connection (<see cref="PublicAddresses"/>), because a name can change what it resolves to.
/// </summary>
public sealed class WebhookUrlPolicy(IAddressResolver resolver)
{
    public async Task<ApiError?> CheckAsync(Uri url, Mode mode, CancellationToken cancellationToken)
    {
        if (mode == Mode.Test) return null;
        if (url.Scheme != Uri.UriSchemeHttps) return Errors.ParameterInvalid("url", "Live webhook endpoints must use https.");
        IPAddress[] addresses;
        try
        {
            addresses = await AddressesOfAsync(url.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return Errors.ParameterInvalid("url", "The url's host name does not resolve.");
        }
        return addresses.Length > 0 && addresses.All(PublicAddresses.IsPublic)
            ? null
            : Errors.ParameterInvalid("url", "The url's host is a loopback, private, link-local or otherwise internal address; live endpoints must be on the public internet.");
    }

    /// <summary>The host's addresses: the literal itself when it is one, else what the resolver says.</summary>
    public async Task<IPAddress[]> AddressesOfAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
}
