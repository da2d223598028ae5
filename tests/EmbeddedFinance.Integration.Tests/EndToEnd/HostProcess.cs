using System.Diagnostics;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.EndToEnd;

/// <summary>
/// The development host as its own OS process (as a developer runs it), on the shared Azurite with fixed storage
/// names, so it can be killed with SIGKILL mid-work and started again on the same state.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    public HostProcess(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..10];
        Port = SharedAzurite.FreePort();
        var all = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
            ["Storage__Prefix"] = prefix,
            ["Queues__Outbox"] = prefix + "-outbox",
            ["Queues__Settlement"] = prefix + "-settlement",
            ["Queues__Payouts"] = prefix + "-payouts",
            ["Queues__PayoutReports"] = prefix + "-payout-reports",
            ["Queues__Webhooks"] = prefix + "-webhooks",
            ["RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        environment = all;
        Prefix = prefix;
    }

    public int Port { get; }
    public string Prefix { get; }
    public Uri Api => new($"http://127.0.0.1:{Port}/api/");

    /// <summary>Starts the host and waits until it answers /health.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EmbeddedFinance.LocalHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited at start with code {process.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(new Uri(Api, "health"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The host did not answer /health within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, whatever was in flight is cut where it stood.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
