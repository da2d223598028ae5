using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers every request by the next step of a script (a status with its headers, or
/// a dropped connection), recording each request's Idempotency-Key; once the script runs out, <c>then</c> answers.
/// </summary>
public sealed class RetryStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script;

    private RetryStub(WebApplication app, ConcurrentQueue<Func<HttpContext, Task>> script)
    {
        this.app = app;
        this.script = script;
        ApiBase = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/api/");
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var script = new ConcurrentQueue<Func<HttpContext, Task>>(steps);
        RetryStub? stub = null;
        app.Run(async context =>
        {
            stub!.Requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers["Idempotency-Key"].FirstOrDefault()));
            await (script.TryDequeue(out var step) ? step : then)(context);
        });
        await app.StartAsync();
        stub = new RetryStub(app, script);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
