using EmbeddedFinance.Azure;
using EmbeddedFinance.Core;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Logging;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Functions.Recovery;
using EmbeddedFinance.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmbeddedFinance.Functions;

/// <summary>The app's composition, shared by Program.cs (the Functions host) and the development host.</summary>
public static class FunctionApp
{
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCore();
        services.AddAzureAdapters(configuration);
        services.Configure<PlatformOptions>(options => options.IsDevelopment = environment.IsDevelopment());
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddSingleton<ClientAddressLimiter>();
        services.AddValidatedOptions<ClientCertificateOptions>(ClientCertificateOptions.Section);
        services.AddSingleton<ClientCertificates>();
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<Portal.PortalCookieAuthentication>();
        services.AddSingleton<QueueWork>();
        services.AddHostedService<PlatformStartup>();
        services.AddPlatformTelemetry(configuration);
        services.AddAzureSdkLogLevel(configuration);
        // Last: it wraps the logger providers registered so far.
        services.RedactLogs();
        return services;
    }
}
