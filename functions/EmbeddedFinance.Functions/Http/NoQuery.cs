using EmbeddedFinance.Core.Api;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Http;

/// <summary>For a read that takes no query parameters: one sent anyway is refused, not ignored, as unknown body members are.</summary>
public static class NoQuery
{
    public static ApiError? Check(HttpRequest request) =>
        request.Query.Keys.FirstOrDefault() is { } unknown ? Errors.ParameterUnknown(unknown.Length <= 64 ? unknown : unknown[..64]) : null;
}
