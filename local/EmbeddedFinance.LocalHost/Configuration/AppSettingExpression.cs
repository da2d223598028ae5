using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace EmbeddedFinance.LocalHost.Configuration;

/// <summary>Resolves <c>%Setting%</c> in binding values from app settings, as the Functions host does.</summary>
public static partial class AppSettingExpression
{
    public static string Resolve(string value, IConfiguration configuration, string functionName) =>
        SettingPattern().Replace(value, match =>
        {
            var name = match.Groups[1].Value;
            return configuration[name] is { Length: > 0 } resolved
                ? resolved
                : throw new Indexing.FunctionIndexingException(functionName, $"the app setting '{name}' used in '{value}' is not set.");
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingPattern();
}
