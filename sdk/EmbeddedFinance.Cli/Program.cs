using EmbeddedFinance.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};
return await EfCli.RunAsync(args, CliContext.Console(), stop.Token);
