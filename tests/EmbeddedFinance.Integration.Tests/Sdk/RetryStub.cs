using System.Collections.Concurrent;
using System.Net.Http;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers every request by the next step of a script (a status with its headers, or
/// a dropped connection), recording each request's Idempotency-Key; once the script runs out, <c>then</c> answers.
/// </summary>
public sealed class RetryStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script;

    private RetryStub(WebApplication app, Uri address, ConcurrentQueue<Func<HttpContext, Task>> script)
    {
        this.app = app;
        this.script = script;
        ApiBase = new Uri(address + "api/");
    }

    public Uri ApiBase { get; }

    /// <summary>Each request as it arrived: method, path and its Idempotency-Key (null if none).</summary>
    public ConcurrentQueue<(string Method, string Path, string? IdempotencyKey)> Requests { get; } = new();

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync($$"""{"type":"about:blank","title":"t","status":{{status}},"detail":"scripted","code":"{{(status == 429 ? "rate_limited" : status == 503 ? "service_unavailable" : "parameter_invalid")}}","param":"amount","request_id":"req_stub"}""");
    };

    public static readonly Func<HttpContext, Task> DropConnection = context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    public static async Task<RetryStub> StartAsync(Func<HttpContext, Task> then, params Func<HttpContext, Task>[] steps)
    {
        var script = new ConcurrentQueue<Func<HttpContext, Task>>(steps);
        RetryStub? stub = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            stub!.Requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers["Idempotency-Key"].FirstOrDefault()));
            await (script.TryDequeue(out var step) ? step : then)(context);
        }));
        stub = new RetryStub(app, address, script);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Steps of a <see cref="RetryStub"/> that pass requests on to a real host.</summary>
public static class Forwarding
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// Forwards the request to <paramref name="apiBase"/>'s origin and answers with the host's answer, or, given
    /// <paramref name="lostAs"/>, throws the host's answer away and answers that status instead: a write that happened
    /// whose answer the client never saw.
    /// </summary>
    public static Func<HttpContext, Task> To(Uri apiBase, int? lostAs = null, ConcurrentQueue<string>? replayed = null) => async context =>
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(apiBase, context.Request.Path.Value + context.Request.QueryString.Value));
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is "Host" or "Content-Type" or "Content-Length") continue;
            request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
        }
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }
        using var response = await Http.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        if (response.Headers.TryGetValues("Idempotent-Replayed", out var flag)) replayed?.Enqueue(flag.First());
        if (lostAs is { } status)
        {
            await RetryStub.Status(status, "0")(context);
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(answer);
    };
}
