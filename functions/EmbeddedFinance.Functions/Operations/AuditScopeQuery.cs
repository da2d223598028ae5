using EmbeddedFinance.Core.Api;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Operations;

/// <summary>The verification route's one parameter: <c>scope</c>, an audit partition (a merchant scope or <c>platform</c>).</summary>
public static class AuditScopeQuery
{
    private const int MaxLength = 128;

    public static Result<string> Parse(HttpRequest request)
    {
        if (request.Query.Keys.FirstOrDefault(key => key != "scope") is { } unknown) return Errors.ParameterUnknown(unknown.Length <= 64 ? unknown : unknown[..64]);
        var scope = request.Query["scope"].ToString();
        if (scope.Length == 0) return Errors.ParameterMissing("scope");
        // A table partition key: none of / \ # ? or control characters.
        if (scope.Length > MaxLength || scope.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return Errors.ParameterInvalid("scope", $"'scope' is a merchant scope such as acct_…:test or acct_…:live, or platform (at most {MaxLength} characters).");
        }
        return scope;
    }
}
