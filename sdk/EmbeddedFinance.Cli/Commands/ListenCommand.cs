using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Client;
using EmbeddedFinance.Client.Webhooks;

namespace EmbeddedFinance.Cli.Commands;

/// <summary>
/// <c>ef listen --forward-to URL</c>: follows the merchant's events and POSTs each to a local URL as a Standard Webhooks
/// delivery, signed with a local <c>whsec_</c> secret that stays the same across runs. It polls the API, so it works
/// against a hosted platform, where webhook endpoints on localhost are not allowed. Its cursor (the last event
/// forwarded, per API base and key) is saved after each event, so a restart goes on where the last run stopped.
/// </summary>
public static class ListenCommand
{
    public const string SecretFile = "listen-secret";

    public static Command Create(GlobalOptions global, CliContext context, CliConfig config)
    {
        var forwardTo = new Option<string>("--forward-to") { Description = "The URL to POST each event to, e.g. http://localhost:3000/webhooks", Required = true };
        var events = new Option<string?>("--events") { Description = "Event types to forward, comma-separated (default: all)" };
        var pollInterval = new Option<TimeSpan>("--poll-interval") { Description = "How often to ask for new events", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };
        var command = new Command("listen", "Forward the merchant's events to a local URL, signed with a local secret.") { forwardTo, events, pollInterval };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = Uri.TryCreate(parse.GetValue(forwardTo), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new CliException(ExitCodes.Usage, $"--forward-to '{parse.GetValue(forwardTo)}' is not an http(s) URL.");
            var types = parse.GetValue(events)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            using var client = global.Client(parse, context, config);
            var feed = new EventFeed(client, parse.GetValue(pollInterval), context.Error);

            var cursorFile = CursorFile(global.ResolveApiBase(parse, context, config), global.ResolveApiKey(parse, context, config));
            var cursor = config.Read(cursorFile);
            if (cursor is null)
            {
                // A first run forwards what happens from now on, not the account's history.
                cursor = await feed.NewestIdAsync(cancellationToken) ?? "";
                config.WritePrivate(cursorFile, cursor);
            }
            var secret = config.Read(SecretFile) ?? NewSecret(config);
            var signer = new WebhookSigner(secret);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };

            await context.Output.WriteLineAsync($"Ready! Forwarding events to {target}{(types is null ? "" : $" ({string.Join(", ", types)})")}.");
            await context.Output.WriteLineAsync($"Your webhook signing secret is {secret} (the same on every run; ^C to quit)");
            await feed.FollowAsync(cursor.Length == 0 ? null : cursor, async item =>
            {
                if (types is null || types.Contains(item.Type)) await context.Output.WriteLineAsync(await ForwardAsync(http, signer, target, item, cancellationToken));
                config.WritePrivate(cursorFile, item.Id);
            }, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One POST, and the line that reports it: time, type, id, the receiver's status and how long it took.</summary>
    private static async Task<string> ForwardAsync(HttpClient http, WebhookSigner signer, Uri target, Event item, CancellationToken cancellationToken)
    {
        var body = item.ToJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in signer.Headers(item.Id, DateTimeOffset.UtcNow, body)) request.Headers.Add(name, value);
        var line = $"{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  {item.Type,-26} {item.Id}";
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return $"{line}  [{(int)response.StatusCode}] {(long)Stopwatch.GetElapsedTime(started).TotalMilliseconds} ms";
        }
        catch (HttpRequestException refused) when (refused.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return $"{line}  [refused] nothing listens on {target.Authority}: is your server running?";
        }
        catch (HttpRequestException failed)
        {
            return $"{line}  [failed] {failed.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{line}  [timeout] no answer within 15 s";
        }
    }

    private static string NewSecret(CliConfig config)
    {
        var secret = WebhookSigner.NewSecret();
        config.WritePrivate(SecretFile, secret);
        return secret;
    }

    /// <summary>One cursor per platform and key: a test key and a live key, or two platforms, never share one.</summary>
    public static string CursorFile(Uri apiBase, string apiKey) =>
        "listen-cursor-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiBase.AbsoluteUri + "\n" + apiKey)))[..16];
}
