using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.OAuth;

/// <summary>What OAuth clients and resource servers discover: the signing keys (RFC 7517) and the server's metadata (RFC 8414).</summary>
public sealed class WellKnownFunctions(ApiPipeline api, SigningKeys keys, IOptions<OAuthOptions> options)
{
    private static readonly ApiRoute Jwks = new("oauth.jwks", AccessPolicy.Public);
    private static readonly ApiRoute Metadata = new("oauth.metadata", AccessPolicy.Public);

    [Function("OAuthJwks")]
    public Task<IActionResult> JwksAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/jwks.json")] HttpRequest request) =>
        api.ReadAsync(request, Jwks, async _ =>
        {
            var set = await keys.CurrentAsync(request.HttpContext.RequestAborted);
            return Result<StoredResponse>.Success(StoredResponse.Of(200, new JwksDocument(set.Keys.Select(key => key.PublicJwk()).ToList())));
        });

    [Function("OAuthMetadata")]
    public Task<IActionResult> MetadataAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/oauth-authorization-server")] HttpRequest request) =>
        api.ReadAsync(request, Metadata, _ => Task.FromResult(Result<StoredResponse>.Success(StoredResponse.Of(200, AuthorizationServerMetadata.Of(options.Value)))));
}
