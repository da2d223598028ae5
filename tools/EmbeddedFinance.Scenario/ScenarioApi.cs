using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmbeddedFinance.Scenario;

/// <summary>The platform's API as the scenario's merchant calls it: JSON in, status and JSON out.</summary>
public sealed class ScenarioApi(HttpClient http)
{
    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string key, object? body = null, bool idempotent = true)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (idempotent && method == HttpMethod.Post) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A call that must succeed; anything else stops the scenario with the answer.</summary>
    public async Task<JsonElement> ExpectAsync(HttpMethod method, string path, string key, object? body = null)
    {
        var (status, json) = await SendAsync(method, path, key, body);
        if (status is < 200 or >= 300) throw new InvalidOperationException($"{method} {path} answered {status}: {json}");
        return json;
    }

    /// <summary>Polls until <paramref name="done"/> holds or the time is up; true when it held.</summary>
    public static async Task<bool> WaitAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(200);
        }
        return true;
    }
}
