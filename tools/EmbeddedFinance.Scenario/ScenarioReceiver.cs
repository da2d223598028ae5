using System.Collections.Concurrent;
using EmbeddedFinance.Client.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EmbeddedFinance.Scenario;

/// <summary>The merchant's webhook receiver: Kestrel on 127.0.0.1, verifying every delivery with the endpoint's secret through the SDK's <see cref="WebhookVerifier"/>.</summary>
public sealed class ScenarioReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private WebhookVerifier? verifier;

    private ScenarioReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Distinct events received and verified, by type (a redelivered event counts once).</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> Verified { get; } = new();

    public int Rejected => rejected;

    private int rejected;

    public void Trust(string secret) => verifier = new WebhookVerifier(secret);

    public int CountOf(string type) => Verified.TryGetValue(type, out var ids) ? ids.Count : 0;

    public static async Task<ScenarioReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ScenarioReceiver? receiver = null;
        app.MapPost("/webhooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            EmbeddedFinance.Client.Event verified;
            try
            {
                verified = (receiver!.verifier ?? throw new WebhookVerificationException("no secret yet")).Verify(body, name => context.Request.Headers[name]);
            }
            catch (WebhookVerificationException)
            {
                Interlocked.Increment(ref receiver!.rejected);
                return Results.StatusCode(400);
            }
            receiver.Verified.GetOrAdd(verified.Type, _ => new()).TryAdd(verified.Id, 0);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new ScenarioReceiver(app, address.TrimEnd('/') + "/webhooks");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
