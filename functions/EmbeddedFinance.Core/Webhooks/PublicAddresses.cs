using System.Net;
using System.Net.Sockets;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Which addresses a live webhook may reach: the public internet only. Everything a request forged by a merchant
/// could use to reach inside the platform is refused: loopback, private, shared (CGNAT), link-local (and so the
/// instance metadata service at 169.254.169.254), Azure's platform address 168.63.129.16, multicast, reserved and
/// documentation ranges, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo).
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int PrefixLength)[] Refused =
    [
        .. Ranges(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "168.63.129.16/32", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"),
        .. Ranges(
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"),
    ];

    /// <summary>What a host may be reached at: it has addresses, and every one is public (one internal address is enough to refuse it).</summary>
    public static bool AllPublic(IReadOnlyCollection<IPAddress> addresses) => addresses.Count > 0 && addresses.All(IsPublic);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Only global unicast (2000::/3) is public at all; within it the refused list takes out the rest.
            var first = address.GetAddressBytes()[0];
            if ((first & 0xE0) != 0x20) return false;
        }
        else if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }
        return !Refused.Any(range => Contains(range.Network, range.PrefixLength, address));
    }

    private static bool Contains(IPAddress network, int prefixLength, IPAddress address)
    {
        if (network.AddressFamily != address.AddressFamily) return false;
        var networkBytes = network.GetAddressBytes();
        var addressBytes = address.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((networkBytes[bit / 8] & mask) != (addressBytes[bit / 8] & mask)) return false;
        }
        return true;
    }

    private static IEnumerable<(IPAddress, int)> Ranges(params string[] cidrs) =>
        cidrs.Select(cidr => cidr.Split('/')).Select(parts => (IPAddress.Parse(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
}
