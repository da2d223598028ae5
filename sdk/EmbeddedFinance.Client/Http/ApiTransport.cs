using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EmbeddedFinance.Client.Http;

/// <summary>
/// Sends one logical call: the key, the pinned <c>EF-Version</c>, an Idempotency-Key on every write (generated once
/// here, so the retry handler below resends the same one), the JSON body; answers the typed body or throws
/// <see cref="ApiException"/>.
/// </summary>
internal sealed class ApiTransport(HttpClient http, EmbeddedFinanceClientOptions options)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string RequestIdHeader = "Request-Id";

    // authenticate: false for the routes that take no API key (the OAuth token endpoint, health).
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, RequestOptions? request, CancellationToken cancellationToken, bool authenticate = true)
    {
        using var message = new HttpRequestMessage(method, path.TrimStart('/'));
        var key = authenticate ? request?.ApiKey ?? options.ApiKey : null;
        if (!string.IsNullOrEmpty(key)) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        message.Headers.Add(ApiVersion.Header, ApiVersion.Pinned);
        if (method != HttpMethod.Get) message.Headers.Add(IdempotencyKeyHeader, request?.IdempotencyKey ?? NewIdempotencyKey());
        if (body is ByteArrayContent content)
        {
            message.Content = content;
        }
        else if (body is not null)
        {
            // Bytes, not a stream: the retry handler sends this very content again.
            message.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ClientJson.Options));
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw Failure(response, bytes);
        return JsonSerializer.Deserialize<T>(bytes, ClientJson.Options)
            ?? throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode} with an empty body.");
    }

    public Task<T> GetAsync<T>(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, request, cancellationToken);

    public Task<T> PostAsync<T>(string path, object? body, RequestOptions? request, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body, request, cancellationToken);

    /// <summary>Every item of a list, page after page, following <c>starting_after</c> while <c>has_more</c>.</summary>
    public async IAsyncEnumerable<T> ListAllAsync<T>(string path, ListOptions? list, IEnumerable<KeyValuePair<string, string?>>? filters, RequestOptions? request, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IHasId
    {
        var cursor = list?.StartingAfter;
        while (true)
        {
            var page = await GetAsync<Page<T>>(Query(path, (list ?? new ListOptions()) with { StartingAfter = cursor }, filters), request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Data) yield return item;
            if (!page.HasMore || page.Data.Count == 0) yield break;
            cursor = page.Data[^1].Id;
        }
    }

    /// <summary>A path with its query: paging, then filters; absent values left out.</summary>
    public static string Query(string path, ListOptions? list, IEnumerable<KeyValuePair<string, string?>>? filters = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (list?.Limit is { } limit) pairs.Add(new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (list?.StartingAfter is { } after) pairs.Add(new("starting_after", after));
        if (filters is not null) pairs.AddRange(filters);
        var query = string.Join("&", pairs.Where(pair => pair.Value is not null).Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public static string Segment(string id) => Uri.EscapeDataString(id);

    private static string NewIdempotencyKey() => "sdk_" + Guid.NewGuid().ToString("N");

    private static ApiException Failure(HttpResponseMessage response, byte[] bytes)
    {
        JsonElement? problem = null;
        try
        {
            if (bytes.Length > 0) problem = JsonSerializer.Deserialize<JsonElement>(bytes);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the exception carries the raw text instead.
        }
        var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        return new ApiException(response.StatusCode, requestId, problem, System.Text.Encoding.UTF8.GetString(bytes));
    }
}
