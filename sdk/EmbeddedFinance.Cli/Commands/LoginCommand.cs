using System.CommandLine;
using EmbeddedFinance.Client;

namespace EmbeddedFinance.Cli.Commands;

/// <summary><c>ef login</c>: checks a secret key against the platform and stores it (with the API base) in the config directory, mode 600.</summary>
public static class LoginCommand
{
    public static Command Create(GlobalOptions global, CliContext context, CliConfig config)
    {
        var command = new Command("login", "Check a secret key with the platform and keep it for the next commands (file mode 600).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = parse.GetValue(global.ApiKey) ?? context.Environment(CliContext.ApiKeyVariable)
                ?? throw new CliException(ExitCodes.Usage, $"Pass the key: ef login --api-key sk_test_… (or set {CliContext.ApiKeyVariable}).");
            var apiBase = global.ResolveApiBase(parse, context, config);
            using var client = new EmbeddedFinanceClient(new EmbeddedFinanceClientOptions { ApiKey = key, ApiBase = apiBase, MaxRetries = 1 });
            // Any read proves the key: a wrong one is 401, a publishable one 403.
            await client.Events.ListAsync(new ListOptions { Limit = 1 }, cancellationToken: cancellationToken);
            config.Save(new CliConfig.Settings(key, apiBase.AbsoluteUri));
            await context.Output.WriteLineAsync($"Logged in to {apiBase} with {Mask(key)}; the key is kept in {Path.Combine(config.Directory, "config.json")} (readable by you alone).");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string Mask(string key) => key.Length <= 12 ? "****" : key[..8] + "…" + key[^4..];
}
