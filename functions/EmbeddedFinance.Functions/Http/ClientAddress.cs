using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// The client address that the unauthenticated limits count per. In Azure the worker's ASP.NET Core integration sets the
/// connection's remote address from the platform front end's <c>X-Forwarded-For</c>; the development host sees the
/// socket. Nothing here reads a forwarding header itself, so a client cannot choose its own bucket by sending one.
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// The address as text; an IPv6 client counts by its /64 prefix (one subscriber's network hands out a whole /64, so
    /// a single host could otherwise take a fresh bucket for every request).
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
