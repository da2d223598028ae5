using System.Net;
using System.Net.Sockets;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Where an endpoint may point. Live mode: https only, to a host whose every address is public. Test mode: http
/// too; and on a development machine any address, localhost included, so a developer can receive on their laptop.
/// A hosted platform's "localhost" is its own machine, never the merchant's, so there test mode keeps the address
/// rule. Checked when the URL is set and again on every connection (<see cref="PublicAddresses"/>), because a name
/// can change what it resolves to.
/// </summary>
public sealed class WebhookUrlPolicy(IAddressResolver resolver, IOptions<PlatformOptions> platform)
{
    /// <summary>Whether deliveries to endpoints of this mode may only connect to public addresses.</summary>
    public bool PublicOnly(Mode mode) => mode == Mode.Live || !platform.Value.IsDevelopment;

    public async Task<ApiError?> CheckAsync(Uri url, Mode mode, CancellationToken cancellationToken)
    {
        if (mode == Mode.Live && url.Scheme != Uri.UriSchemeHttps) return Errors.ParameterInvalid("url", "Live webhook endpoints must use https.");
        if (!PublicOnly(mode)) return null;
        IPAddress[] addresses;
        try
        {
            addresses = await AddressesOfAsync(url.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return Errors.ParameterInvalid("url", "The url's host name does not resolve.");
        }
        return PublicAddresses.AllPublic(addresses)
            ? null
            : Errors.ParameterInvalid("url", "The url's host is a loopback, private, link-local or otherwise internal address; webhook endpoints must be on the public internet.");
    }

    /// <summary>The host's addresses: the literal itself when it is one, else what the resolver says.</summary>
    public async Task<IPAddress[]> AddressesOfAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
}
