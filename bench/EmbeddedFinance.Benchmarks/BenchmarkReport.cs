using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Runs every benchmark in one go, each with the parameters a release is compared at, and writes one markdown
/// report (figures as the benchmarks print them, the machine, and the peak memory of this process, which hosts the
/// platform) so each release can be set beside the last.
/// </summary>
public static class BenchmarkReport
{
    public static async Task RunAsync(string path)
    {
        var report = new StringBuilder();
        report.AppendLine("# Benchmark report");
        report.AppendLine();
        report.AppendLine($"- when: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}");
        report.AppendLine($"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        report.AppendLine("- each benchmark starts its own in-memory Azurite and the development host in this process; ratios compare with raw Azurite in the same run");
        report.AppendLine("- regenerate: `dotnet run -c Release --project bench/EmbeddedFinance.Benchmarks -- report`");

        await SectionAsync(report, "Payments over HTTP vs one raw Azurite batch", "payments 16 10", output => PaymentBenchmark.RunAsync(16, TimeSpan.FromSeconds(10), output));
        await SectionAsync(report, "Payments, the request path alone (relay off) vs one raw Azurite batch", "payments 16 10 no-relay", output => PaymentBenchmark.RunAsync(16, TimeSpan.FromSeconds(10), output, relay: false));
        await SectionAsync(report, "Settlement drain vs raw queue drain", "settlement 1000", output => SettlementBenchmark.RunAsync(1_000, output));
        await SectionAsync(report, "Payment to webhook latency at 50 payments/s", "webhooks 50 15", output => WebhookBenchmark.RunAsync(50, TimeSpan.FromSeconds(15), output));
        await SectionAsync(report, "Tokenization over HTTP vs one raw Azurite insert", "tokens 8 5", output => TokenizationBenchmark.RunAsync(8, TimeSpan.FromSeconds(5), output));
        await SectionAsync(report, "Authentication per request (secret, restricted, unknown key) vs one raw Azurite point read", "auth 8 5", output => AuthBenchmark.RunAsync(8, TimeSpan.FromSeconds(5), output));

        report.AppendLine();
        report.AppendLine($"Peak working set of the benchmark process (platform host + load generator): {Environment.WorkingSet / 1_048_576} MB now, "
            + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MB peak (Azurite, a separate Node process, not included).");
        // Relative to the repository, wherever `dotnet run` started the process.
        path = Path.IsPathRooted(path) ? path : Path.Combine(RepositoryRoot(), path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"Report written to {path}");
    }

    private static async Task SectionAsync(StringBuilder report, string title, string command, Func<TextWriter, Task> run)
    {
        Console.WriteLine($"== {title}");
        var captured = new StringWriter();
        var watch = Stopwatch.StartNew();
        GC.Collect();
        await run(new Tee(captured, Console.Out));
        report.AppendLine();
        report.AppendLine($"## {title}");
        report.AppendLine();
        report.AppendLine($"`-- {command}` ({watch.Elapsed.TotalSeconds:0} s; process peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MB, "
            + $"managed heap after it {GC.GetGCMemoryInfo().HeapSizeBytes / 1_048_576} MB)");
        report.AppendLine();
        report.AppendLine("```");
        report.Append(captured.ToString());
        report.AppendLine("```");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EmbeddedFinance.sln"))) return directory.FullName;
        }
        return Environment.CurrentDirectory;
    }

    private static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    /// <summary>Writes to two writers: the report's capture and the console.</summary>
    private sealed class Tee(TextWriter first, TextWriter second) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            first.Write(value);
            second.Write(value);
        }

        public override void WriteLine(string? value)
        {
            first.WriteLine(value);
            second.WriteLine(value);
        }
    }
}
