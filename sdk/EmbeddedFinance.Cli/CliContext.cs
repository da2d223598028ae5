namespace EmbeddedFinance.Cli;

/// <summary>
/// Where a run of <c>ef</c> writes and what it reads from its surroundings: the console and the real environment for the
/// tool, writers and a private config directory for tests that run the commands in-process.
/// </summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, Func<string, string?> Environment, string ConfigDirectory)
{
    public const string ApiBaseVariable = "EF_API_BASE";
    public const string ApiKeyVariable = "EF_API_KEY";
    public const string ConfigDirectoryVariable = "EF_CONFIG_DIR";

    public static CliContext Console() => new(
        System.Console.Out,
        System.Console.Error,
        System.Environment.GetEnvironmentVariable,
        System.Environment.GetEnvironmentVariable(ConfigDirectoryVariable)
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.ApplicationData, System.Environment.SpecialFolderOption.DoNotVerify), "ef"));
}
