using System.CommandLine;

namespace EmbeddedFinance.Cli.Commands;

/// <summary><c>ef events resend &lt;evt_…&gt; [--endpoint we_…]</c>: delivers an event once more, with the same <c>webhook-id</c>.</summary>
public static class EventsCommand
{
    public static Command Create(GlobalOptions global, CliContext context, CliConfig config)
    {
        var id = new Argument<string>("event-id") { Description = "The event, evt_…" };
        var endpoint = new Option<string?>("--endpoint") { Description = "One endpoint, we_… (default: every subscribed endpoint)" };
        var resend = new Command("resend", "Deliver an event again to the merchant's endpoints.") { id, endpoint };
        resend.SetAction(async (parse, cancellationToken) =>
        {
            using var client = global.Client(parse, context, config);
            var redelivery = await client.Events.RedeliverAsync(parse.GetValue(id)!, parse.GetValue(endpoint), cancellationToken: cancellationToken);
            await context.Output.WriteLineAsync(redelivery.Endpoints.Count == 0
                ? $"{redelivery.Event}: no enabled endpoint is subscribed to it."
                : $"{redelivery.Event} is on its way again to {string.Join(", ", redelivery.Endpoints)}.");
            return ExitCodes.Ok;
        });
        return new Command("events", "The merchant's events.") { resend };
    }
}
