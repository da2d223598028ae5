using System.Net;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>A merchant's webhook endpoints and events over the API.</summary>
public sealed class WebhookClient(TestHost host, string secretKey)
{
    public sealed record Endpoint(string Id, string Secret);

    public async Task<Endpoint> CreateEndpointAsync(string url, params string[] events)
    {
        var body = await PaymentClient.ExpectAsync(await host.SendAsync(HttpMethod.Post, "v1/webhook_endpoints", secretKey,
            new { url, enabled_events = events.Length == 0 ? ["*"] : events }), HttpStatusCode.Created);
        return new Endpoint(body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public async Task<JsonElement> AttemptsAsync(string eventId) =>
        (await PaymentClient.ExpectAsync(await host.SendAsync(HttpMethod.Get, $"v1/events/{eventId}/deliveries", secretKey), HttpStatusCode.OK)).GetProperty("data");

    public async Task<JsonElement> GetAsync(string path) =>
        await PaymentClient.ExpectAsync(await host.SendAsync(HttpMethod.Get, path, secretKey), HttpStatusCode.OK);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null) => host.SendAsync(method, path, secretKey, body);

    /// <summary>The id of the scope's event of <paramref name="type"/> about <paramref name="objectId"/>.</summary>
    public async Task<string> EventIdAsync(string type, string objectId)
    {
        string? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var events = await GetAsync($"v1/events?type={type}&limit=100");
            found = events.GetProperty("data").EnumerateArray()
                .Where(e => e.GetProperty("data").GetProperty("object").GetProperty("id").GetString() == objectId)
                .Select(e => e.GetProperty("id").GetString()).FirstOrDefault();
            return found is not null;
        }, $"event {type} of {objectId}");
        return found!;
    }
}
