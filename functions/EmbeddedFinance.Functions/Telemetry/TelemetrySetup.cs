using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EmbeddedFinance.Functions.Telemetry;

public static class TelemetrySetup
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry traces, metrics and logs of the platform (<see cref="PlatformTelemetry"/>) and of outgoing HTTP
    /// (webhooks, the payout rail); exported to Application Insights when its connection string is set, with the
    /// app's identity (the Application Insights resource accepts no key-only telemetry). Locally nothing is exported.
    /// </summary>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        var export = !string.IsNullOrWhiteSpace(connectionString);
        var credential = export ? new DefaultAzureCredential() : null;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(PlatformTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PlatformTelemetry.Name).AddHttpClientInstrumentation();
                if (export) tracing.AddAzureMonitorTraceExporter(options => Configure(options, connectionString!, credential!));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformTelemetry.Name).AddHttpClientInstrumentation();
                if (export) metrics.AddAzureMonitorMetricExporter(options => Configure(options, connectionString!, credential!));
            });
        if (export)
        {
            // Registered before the redaction step wraps the logger providers, so what it exports is redacted too.
            services.AddLogging(logging => logging.AddOpenTelemetry(options =>
            {
                options.IncludeFormattedMessage = true;
                options.AddAzureMonitorLogExporter(exporter => Configure(exporter, connectionString!, credential!));
            }));
        }
        return services;
    }

    private static void Configure(AzureMonitorExporterOptions options, string connectionString, DefaultAzureCredential credential)
    {
        options.ConnectionString = connectionString;
        options.Credential = credential;
    }
}
