using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Functions.Telemetry;

/// <summary>
/// The Azure SDK's own logs (Microsoft.Extensions.Azure forwards them under categories <c>Azure.Core</c>,
/// <c>Azure.Storage.Queues</c>, …) at <see cref="LogLevel.Warning"/> unless a setting raises them: at Information it
/// writes a line per storage request, thousands a minute at idle from queue polling, which drown the console locally
/// and bill Application Insights in Azure. One setting for both processes: host.json's <c>logging.logLevel.Azure</c>,
/// which an app setting <c>AzureFunctionsJobHost__logging__logLevel__Azure</c> overrides for the Functions host and,
/// being an environment variable, the worker reads too.
/// </summary>
public static class AzureSdkLogging
{
    public const string Category = "Azure";
    public const string LevelSetting = "AzureFunctionsJobHost:logging:logLevel:Azure";

    /// <summary>
    /// Azure.Core's warnings are its "Error response" lines: every 404 of an expected miss (a sweep's first checkpoint read,
    /// a GetEntityIfExists), many a minute at idle, while the platform logs the failures that matter itself. By default
    /// they are left out with the rest of Azure.Core's chatter; the setting raises them with the others.
    /// </summary>
    public const string CoreCategory = "Azure.Core";

    public static IServiceCollection AddAzureSdkLogLevel(this IServiceCollection services, IConfiguration configuration)
    {
        var level = Level(configuration);
        var explicitlySet = !string.IsNullOrWhiteSpace(configuration[LevelSetting]);
        return services.AddLogging(logging => logging.AddFilter(Category, level).AddFilter(CoreCategory, explicitlySet ? level : LogLevel.Error));
    }

    public static LogLevel Level(IConfiguration configuration)
    {
        var setting = configuration[LevelSetting];
        if (string.IsNullOrWhiteSpace(setting)) return LogLevel.Warning;
        return Enum.TryParse<LogLevel>(setting, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new InvalidOperationException($"{LevelSetting.Replace(":", "__", StringComparison.Ordinal)} must be a log level (Trace, Debug, Information, Warning, Error, Critical, None), not '{setting}'.");
    }
}
