using System.CommandLine;
using System.Net;
using EmbeddedFinance.Cli.Commands;
using EmbeddedFinance.Client;

namespace EmbeddedFinance.Cli;

/// <summary>The <c>ef</c> command line: parses, runs one command, turns failures into a clear line and an exit code.</summary>
public static class EfCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        var config = new CliConfig(context.ConfigDirectory);
        var root = new RootCommand("ef: the EmbeddedFinance developer's command line.");
        root.Options.Add(global.ApiBase);
        root.Options.Add(global.ApiKey);
        root.Subcommands.Add(LoginCommand.Create(global, context, config));
        root.Subcommands.Add(ListenCommand.Create(global, context, config));
        root.Subcommands.Add(TriggerCommand.Create(global, context, config));
        root.Subcommands.Add(EventsCommand.Create(global, context, config));
        root.Subcommands.Add(LogsCommand.Create(global, context, config));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await context.Error.WriteLineAsync(error.Message);
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException failure)
        {
            await context.Error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
        catch (ApiException failure) when (failure.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await context.Error.WriteLineAsync($"The platform refused the key ({(int)failure.StatusCode} {failure.Code}): run `ef login` with a secret key (sk_test_…). Request {failure.RequestId}.");
            return ExitCodes.KeyRefused;
        }
        catch (ApiException failure)
        {
            await context.Error.WriteLineAsync($"The platform answered {(int)failure.StatusCode} {failure.Code}: {Detail(failure)} (param {failure.Param ?? "-"}, request {failure.RequestId}).");
            return ExitCodes.ApiError;
        }
        catch (HttpRequestException unreachable)
        {
            await context.Error.WriteLineAsync($"Could not reach the platform at {global.ResolveApiBase(parse, context, config)}: {unreachable.Message}. Is it running (dotnet run --project local/EmbeddedFinance.LocalHost), or is --api-base / {CliContext.ApiBaseVariable} wrong?");
            return ExitCodes.PlatformUnreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    private static string Detail(ApiException failure) =>
        failure.ProblemMember("detail") ?? failure.ProblemMember("error_description") ?? failure.Message;
}
