using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// A merchant's webhook receiver: Kestrel on 127.0.0.1, one path per endpoint, each answering as its test tells it
/// (by the request's number on that path), recording every request with its headers, body and arrival time.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<int, CancellationToken, Task<int>>> behaviours = new();
    private readonly ConcurrentDictionary<string, Func<int, IReadOnlyDictionary<string, string>>> headerBehaviours = new();
    private readonly ConcurrentDictionary<string, int> counts = new();
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private WebhookReceiver(WebApplication app, Uri address)
    {
        this.app = app;
        BaseUrl = address;
    }

    public Uri BaseUrl { get; }

    public TimeSpan Now => clock.Elapsed;

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/{path}", async (HttpContext context, string path) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var number = receiver!.counts.AddOrUpdate(path, 1, (_, n) => n + 1);
            var headers = context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.received.Enqueue(new ReceivedWebhook(path, number, receiver.clock.Elapsed, headers, body));
            var behaviour = receiver.behaviours.GetValueOrDefault(path) ?? Answers.Ok;
            if (receiver.headerBehaviours.GetValueOrDefault(path) is { } answerHeaders)
            {
                foreach (var (name, value) in answerHeaders(number)) context.Response.Headers[name] = value;
            }
            try
            {
                context.Response.StatusCode = await behaviour(number, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up (its timeout): nothing to answer.
            }
        }));
        receiver = new WebhookReceiver(app, address);
        return receiver;
    }

    /// <summary>A URL of this receiver answering as <paramref name="behaviour"/> says (by the request's number on it, 1-based); 200 by default.</summary>
    public string Url(string path, Func<int, CancellationToken, Task<int>>? behaviour = null, Func<int, IReadOnlyDictionary<string, string>>? headers = null)
    {
        if (behaviour is not null) behaviours[path] = behaviour;
        if (headers is not null) headerBehaviours[path] = headers;
        return $"{BaseUrl}{path}";
    }

    public IReadOnlyList<ReceivedWebhook> On(string path) => received.Where(webhook => webhook.Path == path).OrderBy(webhook => webhook.At).ToList();

    public IReadOnlyList<ReceivedWebhook> All => received.OrderBy(webhook => webhook.At).ToList();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>How a receiver path answers, by the request's number on it.</summary>
public static class Answers
{
    public static readonly Func<int, CancellationToken, Task<int>> Ok = (_, _) => Task.FromResult(200);

    public static Func<int, CancellationToken, Task<int>> Always(int status) => (_, _) => Task.FromResult(status);

    /// <summary>The given statuses in turn, then 200.</summary>
    public static Func<int, CancellationToken, Task<int>> InTurn(params int[] statuses) => (number, _) => Task.FromResult(number <= statuses.Length ? statuses[number - 1] : 200);

    /// <summary>Answers 200 after <paramref name="delay"/> (or when the sender hangs up).</summary>
    public static Func<int, CancellationToken, Task<int>> After(TimeSpan delay) => async (_, aborted) =>
    {
        await Task.Delay(delay, aborted);
        return 200;
    };

    /// <summary>Never answers (until the sender hangs up).</summary>
    public static readonly Func<int, CancellationToken, Task<int>> Hang = async (_, aborted) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
        return 200;
    };
}

public sealed record ReceivedWebhook(string Path, int Number, TimeSpan At, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string WebhookId => Headers["webhook-id"];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string Type => Json.GetProperty("type").GetString()!;

    public string ObjectId => Json.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!;

    /// <summary>The headers as received, but with only <paramref name="signature"/> in <c>webhook-signature</c>.</summary>
    public HeaderDictionary WithSignature(string signature)
    {
        var headers = HeaderDictionary;
        headers["webhook-signature"] = signature;
        return headers;
    }

    public HeaderDictionary HeaderDictionary => new(Headers.ToDictionary(pair => pair.Key, pair => new Microsoft.Extensions.Primitives.StringValues(pair.Value)));
}
