using EmbeddedFinance.Functions.Telemetry;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

/// <summary>
/// The development host's console reads like <c>func start</c>: one block listing every function and its trigger,
/// then one line per invocation, and no Azure SDK request lines unless a setting asks for them. The lines are those
/// the console logger gets (the same logging pipeline and filters, captured as a logger provider).
/// </summary>
public sealed class DevConsoleTests
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_idle_host_lists_its_functions_then_prints_at_most_20_lines_in_10_seconds_and_no_Azure_SDK_line()
    {
        await using var host = await TestHost.StartAsync();
        var baseUrl = host.Client.BaseAddress!.ToString().TrimEnd('/');

        var captured = Assert.Single(host.Logs.Lines, line => line.Contains("EmbeddedFinance.LocalHost.DevConsole.FunctionListing: Functions (", StringComparison.Ordinal));
        Assert.Matches(@"FunctionListing: Functions \(\d+, ready \d+\.\d s after the process started\):\n", captured);
        // The formatted message, without the structured values the capture appends.
        var listing = captured[..captured.IndexOf(" Listing=", StringComparison.Ordinal)] + "\n";
        Assert.Contains($"CreatePayment ", listing);
        Assert.Contains($"[POST] {baseUrl}/v1/payments\n", listing);
        Assert.Contains($"[GET] {baseUrl}/v1/payments/{{id}}\n", listing);
        Assert.Matches(@"\n  RelayOutbox +queue \S*outbox\S*\n", listing);
        Assert.Matches(@"\n  SweepOutbox +timer \*/10 \* \* \* \* \*\n", listing);
        var metadata = EmbeddedFinance.LocalHost.Metadata.FunctionMetadataReader.Read(Path.Combine(AppContext.BaseDirectory, EmbeddedFinance.LocalHost.Metadata.FunctionMetadataReader.FileName));
        Assert.Equal(metadata.Count, listing.Split('\n').Length - 2);
        Assert.All(metadata, function => Assert.Contains($"\n  {function.Name} ", listing));

        var before = host.Logs.Lines.Count;
        await Task.Delay(IdleWindow);
        var idle = host.Logs.Lines.Skip(before).ToList();

        Assert.True(idle.Count <= 20, $"{idle.Count} lines in {IdleWindow.TotalSeconds} idle seconds:\n{string.Join("\n", idle)}");
        // Warnings of the SDK still pass; its Information request lines (thousands a minute) do not.
        Assert.DoesNotContain(host.Logs.Lines, line => Category(line).StartsWith("Azure.", StringComparison.Ordinal) && !line.StartsWith("Warning", StringComparison.Ordinal) && !line.StartsWith("Error", StringComparison.Ordinal));
        // The timers keep firing while idle, each one line naming the function and its outcome.
        Assert.Contains(idle, line => line.Contains("InvocationLog: SandboxDisputes succeeded in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_HTTP_invocation_is_one_line_with_its_status_duration_and_request_id()
    {
        await using var host = await TestHost.StartAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "v1/payments/pay_missing", "sk_test_unknown");
        var requestId = response.Headers.GetValues("Request-Id").Single();

        await Eventually.HoldsAsync(() => host.Logs.Lines.Any(line => line.Contains(requestId, StringComparison.Ordinal)), "the invocation line");
        var line = Assert.Single(host.Logs.Lines, line => line.Contains("InvocationLog:", StringComparison.Ordinal) && line.Contains(requestId, StringComparison.Ordinal));
        Assert.Matches($@"InvocationLog: GetPayment 401 in \d+ ms {requestId} ", line);
    }

    [Fact]
    public async Task The_Azure_SDK_setting_raises_its_logs_back_to_Information()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { [AzureSdkLogging.LevelSetting] = "Information" });

        // Queue polling alone makes storage requests within a second or two of start.
        await Eventually.HoldsAsync(() => host.Logs.Lines.Any(line => line.StartsWith("Information Azure.Core:", StringComparison.Ordinal)), "an Azure.Core request line");
    }

    /// <summary>The category of a captured line ("Level Category: message").</summary>
    private static string Category(string line) => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..line.IndexOf(':', StringComparison.Ordinal)];
}
