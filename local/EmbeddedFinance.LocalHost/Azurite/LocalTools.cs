using System.Diagnostics;

namespace EmbeddedFinance.LocalHost.Azurite;

/// <summary>
/// The npm tools pinned in local/package.json (Azurite, the OpenAPI linter): installed with <c>npm ci</c> the first
/// time one is missing, once per process however many callers ask at the same time.
/// </summary>
public static class LocalTools
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The full path of a file inside local/node_modules, installing the tools first if it is missing.</summary>
    public static async Task<string> EnsureAsync(string pathInNodeModules, Action<string>? log = null)
    {
        var toolsDirectory = LocalToolsDirectory.Find();
        var file = Path.Combine(toolsDirectory, "node_modules", pathInNodeModules);
        if (File.Exists(file)) return file;
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(file)) return file;
            log?.Invoke($"Installing the local tools with npm ci in {toolsDirectory} …");
            await RunToCompletionAsync("npm", ["ci", "--no-audit", "--no-fund"], toolsDirectory);
            return File.Exists(file) ? file : throw new FileNotFoundException($"npm ci in {toolsDirectory} did not install {pathInNodeModules}; is it in local/package.json?");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static async Task RunToCompletionAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode} in {workingDirectory}.");
    }
}
