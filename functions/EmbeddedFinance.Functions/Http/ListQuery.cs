using EmbeddedFinance.Core.Api;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Http;

/// <summary>The <c>limit</c> and <c>starting_after</c> query parameters of every list route.</summary>
public static class ListQuery
{
    public static Result<PageRequest> Parse(HttpRequest request, string idPrefix) =>
        PageRequest.Parse(request.Query["limit"].ToString(), request.Query["starting_after"].ToString(), idPrefix);
}
