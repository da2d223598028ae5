using System.Net;
using System.Net.Sockets;
using EmbeddedFinance.LocalHost.Azurite;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite for the whole test run, on free ports, started through the same launcher the
/// development host uses. Test classes isolate themselves with their own table and queue names.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    public static async Task<string> ConnectionStringAsync() => (await Instance.Value).Endpoints.ConnectionString;

    private static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteEndpoints(FreePort(), FreePort(), FreePort()), dataDirectory: null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
