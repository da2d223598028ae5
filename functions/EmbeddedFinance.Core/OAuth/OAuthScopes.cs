using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// OAuth scopes are the restricted keys' permissions written as people say them (<c>payments:write</c>,
/// <c>ledger:read</c>), so a token and a restricted key with the same rights pass the same checks (<see cref="AccessPolicy"/>).
/// </summary>
public static class OAuthScopes
{
    /// <summary>Every scope a client can be given, in <see cref="ApiResources.All"/> order.</summary>
    public static IReadOnlyList<string> All { get; } =
        ApiResources.All.SelectMany(resource => new[] { Permission.Read(resource).ToString(), Permission.Write(resource).ToString() }).ToList();

    public static bool TryParse(string scope, out Permission permission)
    {
        permission = null!;
        var parts = scope.Split(':');
        if (parts.Length != 2 || !ApiResources.IsKnown(parts[0])) return false;
        (var known, permission) = parts[1] switch
        {
            "read" => (true, Permission.Read(parts[0])),
            "write" => (true, Permission.Write(parts[0])),
            _ => (false, null!),
        };
        return known;
    }

    /// <summary>The rights that <paramref name="scopes"/> give together: per resource the highest level named.</summary>
    public static KeyPermissions ToPermissions(IEnumerable<string> scopes) => new(scopes
        .Select(scope => TryParse(scope, out var permission) ? permission : throw new ArgumentException($"'{scope}' is not a scope.", nameof(scopes)))
        .GroupBy(permission => permission.Resource)
        .Select(group => KeyValuePair.Create(group.Key, group.Max(permission => permission.Level))));

    /// <summary>Scopes the way a token response and a token's <c>scope</c> claim carry them: space-separated, each once, in a stable order.</summary>
    public static string Join(IEnumerable<string> scopes) => string.Join(' ', Normalize(scopes));

    public static IReadOnlyList<string> Normalize(IEnumerable<string> scopes) =>
        scopes.Distinct(StringComparer.Ordinal).OrderBy(scope => IndexOf(scope)).ToList();

    /// <summary>RFC 6749 §3.3: scope tokens separated by single spaces.</summary>
    public static IReadOnlyList<string> Split(string scope) => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int IndexOf(string scope)
    {
        for (var i = 0; i < All.Count; i++) if (string.Equals(All[i], scope, StringComparison.Ordinal)) return i;
        return int.MaxValue;
    }
}
