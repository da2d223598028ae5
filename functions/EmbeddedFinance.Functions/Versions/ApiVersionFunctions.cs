using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Versions;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Versions;

/// <summary>The API's versions: readable with a secret key or the admin key (publishable keys only tokenize).</summary>
public sealed class ApiVersionFunctions(ApiPipeline api)
{
    private static readonly ApiRoute List = new("api_versions.list", AccessPolicy.AdminOrSecretKey);

    [Function("ListApiVersions")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/api_versions")] HttpRequest request) =>
        api.ReadAsync(request, List, _ => Task.FromResult<Result<StoredResponse>>(NoQuery.Check(request) is { } unknown ? unknown : ApiVersionView.List()));
}
