using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// Reads a request body into a typed request: at most <see cref="MaxBytes"/>, a JSON object, no unknown
/// members, no wrong types. Errors name the parameter but never echo its value (it may be a card number).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public sealed record Parsed<T>(T Value, JsonNode Node);

    /// <param name="upgrade">Brings the parsed body from the request's API version to the newest before it is read into <typeparamref name="T"/>.</param>
    public static async Task<Result<Parsed<T>>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, Func<JsonObject, ApiError?>? upgrade = null)
    {
        if (request.ContentLength > MaxBytes) return Errors.BodyTooLarge(MaxBytes);
        if (!IsJsonContentType(request.ContentType))
        {
            return new ApiError(415, "unsupported_media_type", "Send the request body as UTF-8 JSON with 'Content-Type: application/json'.");
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken);
        if (bytes is null) return Errors.BodyTooLarge(MaxBytes);
        // Invalid UTF-8 would otherwise be silently replaced with U+FFFD and stored.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return Errors.InvalidRequest("The request body is not valid UTF-8.");

        JsonNode node;
        try
        {
            // An absent body is an empty object (e.g. a cancel with no parameters); a literal null is not.
            node = bytes.Length == 0 ? new JsonObject() : JsonNode.Parse(bytes, documentOptions: DocumentOptions)!;
        }
        catch (Exception invalid) when (invalid is JsonException or ArgumentException or InvalidOperationException)
        {
            return Errors.InvalidRequest("The request body is not valid JSON.");
        }
        if (node is not JsonObject body) return Errors.InvalidRequest("The request body must be a JSON object.");
        if (upgrade?.Invoke(body) is { } refused) return refused;

        try
        {
            var value = node.Deserialize<T>(ApiJson.Options);
            return value is null ? Errors.InvalidRequest("The request body must be a JSON object.") : new Parsed<T>(value, node);
        }
        catch (JsonException invalid)
        {
            return Describe(invalid);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this for escaped text that is not valid UTF-16, such as a lone surrogate.
            return Errors.InvalidRequest("The request body holds a string that is not valid Unicode.");
        }
    }

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
        AllowDuplicateProperties = false,
    };

    private static ApiError Describe(JsonException invalid)
    {
        var param = ToParam(invalid.Path);
        // System.Text.Json says: The JSON property 'foo' could not be mapped to any .NET member …; its path names the member.
        if (invalid.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return Errors.ParameterUnknown(Shorten(param ?? "body"));
        }
        return param is null
            ? Errors.InvalidRequest("The request body does not have the expected shape.")
            : Errors.ParameterInvalid(param, $"The parameter '{param}' has the wrong type or format.");
    }

    /// <summary>No Content-Type (curl without -H), or application/json in UTF-8: anything else is refused rather than misread.</summary>
    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return true;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)) return false;
        var charset = mediaType.Charset.Value;
        return string.Equals(mediaType.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase)
            && (charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64];

    private static string? ToParam(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var param = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return param.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
