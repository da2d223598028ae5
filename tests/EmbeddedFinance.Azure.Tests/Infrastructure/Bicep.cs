using System.Diagnostics;
using System.Reflection;

namespace EmbeddedFinance.Azure.Tests.Infrastructure;

/// <summary>The Bicep compiler from its NuGet package, run on the repository's <c>infra/</c> folder.</summary>
public static class Bicep
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static string InfraDirectory { get; } = Path.Combine(RepositoryRoot(), "infra");

    public static async Task<Run> RunAsync(params string[] arguments)
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "BicepPath").Value!
            .Replace('\\', Path.DirectorySeparatorChar);
        // A package restored on a fresh machine may lack the execute bit.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(path) { WorkingDirectory = InfraDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No telemetry, and no attempt to reach the internet for module metadata.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EmbeddedFinance.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("The repository root (EmbeddedFinance.sln) is not above the test assembly.");
    }
}
