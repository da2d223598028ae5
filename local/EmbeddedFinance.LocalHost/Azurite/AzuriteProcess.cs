using System.Diagnostics;
using System.Net.Sockets;

namespace EmbeddedFinance.LocalHost.Azurite;

/// <summary>
/// Azurite, installed from local/package.json (npm ci when node_modules is missing) and run with Node.
/// Disposing it stops the process tree.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process process;
    private int disposed;

    private AzuriteProcess(Process process, AzuriteEndpoints endpoints)
    {
        this.process = process;
        Endpoints = endpoints;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>The Node process serving Azurite (tests pause it to simulate an outage).</summary>
    public int ProcessId => process.Id;

    /// <param name="endpoints">Ports to listen on (127.0.0.1 only).</param>
    /// <param name="dataDirectory">Where to keep data; null keeps it in memory (tests).</param>
    public static async Task<AzuriteProcess> StartAsync(AzuriteEndpoints endpoints, string? dataDirectory, Action<string>? log = null)
    {
        var entryPoint = await LocalTools.EnsureAsync(Path.Combine("azurite", "dist", "src", "azurite.js"), log);
        var toolsDirectory = LocalToolsDirectory.Find();

        List<string> arguments =
        [
            entryPoint, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", endpoints.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", endpoints.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", endpoints.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        if (dataDirectory is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            arguments.AddRange(["--location", dataDirectory]);
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = toolsDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ForEach(start.ArgumentList.Add);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node; install Node.js 20 or later.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 }) log?.Invoke("azurite: " + line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, endpoints);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await IsListeningAsync(endpoints.QueuePort) && await IsListeningAsync(endpoints.TablePort)))
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before it listened; are its ports in use?");
            if (DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new TimeoutException("Azurite did not listen within 60 seconds.");
            }
            await Task.Delay(100);
        }
        log?.Invoke($"Azurite listening: queues on {endpoints.QueuePort}, tables on {endpoints.TablePort}");
        return azurite;
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception refused) when (refused is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Called from exit hooks as well as by its owner: only the first call stops the process.
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
