using System.Diagnostics;
using System.Text.Json;
using EmbeddedFinance.LocalHost.Azurite;

namespace EmbeddedFinance.Integration.Tests.OpenApi;

/// <summary>The served document lints clean (no error, no warning) with Redocly's recommended rules, the linter pinned in local/package.json.</summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task The_openapi_document_lints_clean_with_redocly()
    {
        var cli = await LocalTools.EnsureAsync(Path.Combine("@redocly", "cli", "bin", "cli.js"));
        var document = Path.Combine(OpenApiDocumentTests.Folder, "openapi.json");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "lint", document, "--extends", "recommended", "--format", "json" }) start.ArgumentList.Add(argument);
        // No telemetry from a test run (and no network to send it to).
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();
        var report = await output;

        // Its JSON report on stdout; stderr carries only notices about the Node version and the like.
        Assert.True(report.TrimStart().StartsWith('{'), $"Redocly gave no report (exit code {lint.ExitCode}): {report} {await errors}");
        using var json = JsonDocument.Parse(report);
        var totals = json.RootElement.GetProperty("totals");
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, report);
    }
}
