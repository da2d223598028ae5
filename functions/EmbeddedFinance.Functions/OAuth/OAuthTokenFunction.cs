using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.OAuth;

/// <summary>
/// The token endpoint (RFC 6749 §4.4, client credentials). Public to the pipeline, since the client authenticates in the
/// request itself; failed client authentications count against the client's address as failed API keys do.
/// </summary>
public sealed class OAuthTokenFunction(ApiPipeline api, IssueAccessToken issue, ClientAddressLimiter addresses, ClientCertificates certificates)
{
    private static readonly ApiRoute Token = new("oauth.token", AccessPolicy.Public);

    /// <summary>A token request is a few short fields; anything bigger is not one.</summary>
    private static readonly FormOptions Limits = new() { BufferBodyLengthLimit = 8 * 1024, ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = 2 * 1024 };

    [Function("OAuthToken")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oauth/token")] HttpRequest request) =>
        api.ReadAsync(request, Token, async call =>
        {
            var address = ClientAddress.Of(request.HttpContext);
            if (addresses.BeforeAuthentication(address, presentsKey: true) is { } throttled) return Errors.ClientRateLimited(throttled);

            var form = await ReadFormAsync(request);
            if (form is null) return TokenError.InvalidRequest("The token request must be a form (Content-Type: application/x-www-form-urlencoded) of at most 8 KB.").ToResponse();
            var (parsed, refused) = ClientCredentialsRequest.Parse(form, request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null);
            if (refused is not null) return Counted(refused.ToResponse(), refused.Status == 401, address);

            var certificate = await certificates.ThumbprintAsync(request.HttpContext);
            var (response, clientRefused) = await issue.IssueAsync(parsed!, certificate, call.RequestId, CancellationToken.None);
            return Counted(response, clientRefused, address);
        });

    private Result<StoredResponse> Counted(StoredResponse response, bool clientRefused, string address) =>
        clientRefused && addresses.AfterFailedAuthentication(address) is { } wait ? Errors.ClientRateLimited(wait) : response;

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> ReadFormAsync(HttpRequest request)
    {
        // RFC 6749 §4.4.2: application/x-www-form-urlencoded only (not multipart, which ASP.NET Core would read as a form too).
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength > Limits.BufferBodyLengthLimit)
        {
            return null;
        }
        try
        {
            var form = await request.ReadFormAsync(Limits, request.HttpContext.RequestAborted);
            return form.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.Select(value => value ?? "").ToList(), StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
