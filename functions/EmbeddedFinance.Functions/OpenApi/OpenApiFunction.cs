using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.OpenApi;

public sealed class OpenApiFunction(ApiPipeline api)
{
    private static readonly ApiRoute Route = new("openapi", AccessPolicy.Public);

    [Function("OpenApi")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        api.ReadAsync(request, Route, _ => Task.FromResult(Result<StoredResponse>.Success(new StoredResponse(200, StoredResponse.Json, OpenApiDocument.Json))));
}
