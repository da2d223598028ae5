using System.CommandLine;
using System.Globalization;
using EmbeddedFinance.Client;

namespace EmbeddedFinance.Cli.Commands;

/// <summary>
/// <c>ef logs tail</c>: the merchant's latest events, and with <c>--follow</c> the new ones as they happen. The API
/// exposes no request log yet; once it does, its lines join these.
/// </summary>
public static class LogsCommand
{
    public static Command Create(GlobalOptions global, CliContext context, CliConfig config)
    {
        var limit = new Option<int>("--limit") { Description = "How many recent events to show first", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow") { Description = "Keep printing new events until ^C" };
        var pollInterval = new Option<TimeSpan>("--poll-interval") { Description = "How often to ask for new events", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };
        var tail = new Command("tail", "Print the merchant's recent events.") { limit, follow, pollInterval };
        tail.SetAction(async (parse, cancellationToken) =>
        {
            using var client = global.Client(parse, context, config);
            var feed = new EventFeed(client, parse.GetValue(pollInterval), context.Error);
            var latest = await feed.LatestAsync(Math.Clamp(parse.GetValue(limit), 0, 1000), cancellationToken);
            foreach (var item in latest) await context.Output.WriteLineAsync(Line(item));
            if (parse.GetValue(follow))
            {
                await feed.FollowAsync(latest.Count > 0 ? latest[^1].Id : await feed.NewestIdAsync(cancellationToken), item => context.Output.WriteLineAsync(Line(item)), cancellationToken);
            }
            return ExitCodes.Ok;
        });
        return new Command("logs", "What happened in the merchant's account.") { tail };
    }

    public static string Line(Event item)
    {
        var subject = item.Data.ValueKind == System.Text.Json.JsonValueKind.Object && item.Data.TryGetProperty("object", out var o) && o.TryGetProperty("id", out var id) ? id.GetString() : null;
        return $"{DateTimeOffset.FromUnixTimeSeconds(item.Created).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  {item.Type,-26} {item.Id}  {subject}";
    }
}
