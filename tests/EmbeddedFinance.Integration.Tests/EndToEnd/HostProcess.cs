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
        var prefix = IsolatedStorage.NewPrefix("c");
        Port = SharedAzurite.FreePort();
        // As environment variables, the way a deployment sets them: Section__Name.
        var all = IsolatedStorage.Settings(prefix).ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value!);
        all["AzureWebJobsStorage"] = connectionString;
        all["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        all["RateLimits__Enabled"] = "false";
        // The crash test pays many times a minute with one card (see TestHost).
        all["Risk__Enabled"] = "false";
        all["Logging__LogLevel__Default"] = "Warning";
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
        var started = process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.HoldsAsync(async () =>
        {
            if (started.HasExited) throw new InvalidOperationException($"The host exited at start with code {started.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(new Uri(Api, "health"));
                return response.IsSuccessStatusCode;
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, "the host answering /health", seconds: 60);
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
