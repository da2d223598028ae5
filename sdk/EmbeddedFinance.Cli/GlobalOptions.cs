using System.CommandLine;
using EmbeddedFinance.Client;

namespace EmbeddedFinance.Cli;

/// <summary>Options every command takes, and how a command finds its key and API base from them.</summary>
public sealed class GlobalOptions
{
    public Option<string?> ApiBase { get; } = new("--api-base") { Description = $"The API base up to /api (default: ${CliContext.ApiBaseVariable}, then the login's, then http://localhost:7071/api)", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = $"The secret key (default: ${CliContext.ApiKeyVariable}, then the one stored by ef login)", Recursive = true };

    public Uri ResolveApiBase(ParseResult parse, CliContext context, CliConfig config)
    {
        var text = parse.GetValue(ApiBase) ?? context.Environment(CliContext.ApiBaseVariable) ?? config.Load().ApiBase;
        if (text is null) return EmbeddedFinanceClientOptions.LocalApiBase;
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException(ExitCodes.Usage, $"The API base '{text}' is not an http(s) URL.");
    }

    public string ResolveApiKey(ParseResult parse, CliContext context, CliConfig config) =>
        parse.GetValue(ApiKey) ?? context.Environment(CliContext.ApiKeyVariable) ?? config.Load().ApiKey
        ?? throw new CliException(ExitCodes.KeyRefused, $"No API key: run `ef login`, set {CliContext.ApiKeyVariable} or pass --api-key.");

    public EmbeddedFinanceClient Client(ParseResult parse, CliContext context, CliConfig config) =>
        new(new EmbeddedFinanceClientOptions { ApiKey = ResolveApiKey(parse, context, config), ApiBase = ResolveApiBase(parse, context, config), MaxRetries = 2 });
}

/// <summary>A failure the user can act on: its message is printed as is and the run exits with its code.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
