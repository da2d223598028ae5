using System.Diagnostics;
using System.Globalization;
using System.Text;
using EmbeddedFinance.LocalHost.Indexing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EmbeddedFinance.LocalHost.DevConsole;

/// <summary>
/// Once the host listens, one block naming every function with its trigger, as <c>func start</c> prints it: an HTTP
/// trigger's methods and full URL, a queue trigger's queue, a timer's schedule. A developer reads the routes off the
/// console instead of the source.
/// </summary>
public sealed class FunctionListing(
    IReadOnlyList<HostedFunction> functions,
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<FunctionListing> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // After every hosted service, Kestrel included, has started: only then are the addresses known.
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("{Listing}", Render(BaseUrl(), SinceProcessStart())));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The block: a heading line (with how long the start took), then one line per function, HTTP first, each group by name.</summary>
    public string Render(string baseUrl, TimeSpan? startedIn = null)
    {
        var lines = functions
            .OrderBy(function => function switch { HttpFunction => 0, QueueFunction => 1, _ => 2 })
            .ThenBy(function => function.Name, StringComparer.Ordinal)
            .Select(function => (function.Name, Trigger: Describe(function, baseUrl)))
            .ToList();
        var width = lines.Count == 0 ? 0 : lines.Max(line => line.Name.Length);
        var ready = startedIn is { } took ? string.Create(CultureInfo.InvariantCulture, $", ready {took.TotalSeconds:0.0} s after the process started") : "";
        var block = new StringBuilder($"Functions ({lines.Count}{ready}):");
        foreach (var (name, trigger) in lines) block.Append('\n').Append("  ").Append(name.PadRight(width)).Append("  ").Append(trigger);
        return block.ToString();
    }

    private static string Describe(HostedFunction function, string baseUrl) => function switch
    {
        HttpFunction http => $"[{string.Join(",", http.Methods)}] {baseUrl}/{http.Route}",
        QueueFunction queue => $"queue {queue.QueueName}",
        TimerFunction timer => $"timer {timer.ScheduleText}{(timer.RunOnStartup ? " (and at start)" : "")}",
        _ => function.Metadata.TriggerType ?? "?",
    };

    // From the process's start, so Azurite's start and the storage set-up count too; a build before it (dotnet run) does not.
    private static TimeSpan SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }

    private string BaseUrl()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(candidate => candidate.StartsWith("http:", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? DevelopmentHost.DefaultUrl;
        var prefix = configuration[$"{Configuration.LocalConfiguration.HostSection}:extensions:http:routePrefix"] ?? "api";
        return address.TrimEnd('/') + (string.IsNullOrEmpty(prefix) ? "" : "/" + prefix.Trim('/'));
    }
}
