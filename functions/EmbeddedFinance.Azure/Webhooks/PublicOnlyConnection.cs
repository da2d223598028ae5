using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// The live client's connect step: resolves the host itself and connects only if every address is public, to one
/// of those very addresses. Checking at connect time, not only when the URL was saved, defeats a name that later
/// resolves inside the network (DNS rebinding).
/// </summary>
public static class PublicOnlyConnection
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(WebhookUrlPolicy policy) => async (context, cancellationToken) =>
    {
        var addresses = await policy.AddressesOfAsync(context.DnsEndPoint.Host, cancellationToken);
        if (!PublicAddresses.AllPublic(addresses)) throw new AddressNotAllowedException(context.DnsEndPoint.Host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };
}

public sealed class AddressNotAllowedException(string host)
    : IOException($"The webhook host '{host}' resolves to an address live endpoints may not reach.");
