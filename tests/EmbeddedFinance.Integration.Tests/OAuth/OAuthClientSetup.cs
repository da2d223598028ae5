using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.OAuth;

/// <summary>A client registered through the API, with the secret shown once.</summary>
public sealed record RegisteredClient(string ClientId, string Secret)
{
    public static async Task<RegisteredClient> RegisterAsync(TestHost host, string secretKey, string[] scopes, string? certificateThumbprint = null)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "v1/oauth/clients", secretKey,
            new { name = "Partner", scopes, certificate_thumbprint = certificateThumbprint }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"Registering a client answered {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        return new RegisteredClient(body.RootElement.GetProperty("client_id").GetString()!, body.RootElement.GetProperty("client_secret").GetString()!);
    }
}
