using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Portal;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Portal;

public sealed class PortalSessionFunctions(ApiPipeline api, PortalSessions sessions)
{
    private static readonly ApiRoute Create = new("portal_sessions.create", AccessPolicy.SecretKeyOnly);

    [Function("CreatePortalSession")]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/portal_sessions")] HttpRequest request) =>
        api.WriteAsync<CreatePortalSessionRequest, CreatePortalSessionCommand>(request, Create,
            body => body.Validate(),
            (call, command, _) => sessions.CreateAsync(call.Merchant, command, $"{request.Scheme}://{request.Host}", CancellationToken.None));
}
