using Azure.Storage.Queues;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Functions;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.LocalHost.Configuration;
using EmbeddedFinance.LocalHost.DevConsole;
using EmbeddedFinance.LocalHost.Http;
using EmbeddedFinance.LocalHost.Indexing;
using EmbeddedFinance.LocalHost.Invocation;
using EmbeddedFinance.LocalHost.Metadata;
using EmbeddedFinance.LocalHost.Queues;
using EmbeddedFinance.LocalHost.Timers;

namespace EmbeddedFinance.LocalHost;

/// <summary>
/// Runs the function app's own trigger methods without Core Tools: HTTP triggers on Kestrel, queue triggers
/// polled on Azurite, timer triggers on their schedule, all read from the generated functions.metadata; with
/// <see cref="HttpsEndpoint.UrlSetting"/> set, the HTTP triggers also over https, asking clients for a certificate.
/// No business logic lives here.
/// </summary>
public static class DevelopmentHost
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <param name="args">Command-line configuration (e.g. <c>--urls</c>).</param>
    /// <param name="configure">Last say over configuration, logging and services (tests use it).</param>
    /// <param name="functions">The functions to host; by default those of functions.metadata beside the host.</param>
    /// <param name="overrideServices">Registrations that replace the app's own (tests inject clocks and failures).</param>
    public static WebApplication Build(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        IEnumerable<FunctionMetadata>? functions = null,
        Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Development,
        });
        LocalConfiguration.Apply(builder.Configuration, Path.Combine(AppContext.BaseDirectory, "host.json"));
        if (builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        // After configure: a test asks for https in the settings it layers on.
        HttpsEndpoint.AddIfConfigured(builder);

        var hosted = FunctionCatalog.Index(
            functions ?? FunctionMetadataReader.Read(Path.Combine(AppContext.BaseDirectory, FunctionMetadataReader.FileName)),
            builder.Configuration);

        builder.Services.AddFunctionApp(builder.Configuration, builder.Environment);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<InvocationLog>();
        builder.Services.AddHostedService<FunctionListing>();
        overrideServices?.Invoke(builder.Services);
        builder.Services.AddSingleton<IReadOnlyList<HostedFunction>>(hosted);
        AddQueueListeners(builder, hosted.OfType<QueueFunction>());
        foreach (var timer in hosted.OfType<TimerFunction>())
        {
            builder.Services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(provider, timer));
        }

        var app = builder.Build();
        HttpTriggerRoutes.Map(app, hosted.OfType<HttpFunction>(), app.Configuration[$"{LocalConfiguration.HostSection}:extensions:http:routePrefix"] ?? "api");
        app.MapFallback(context =>
        {
            var requestId = RequestIds.New(TimeProvider.System);
            return new ApiResponse(ProblemDocument.Render(Errors.RouteMissing(), requestId), requestId)
                .ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        });
        return app;
    }

    private static void AddQueueListeners(WebApplicationBuilder builder, IEnumerable<QueueFunction> functions)
    {
        var options = new QueueTriggerOptions();
        builder.Configuration.GetSection($"{LocalConfiguration.HostSection}:extensions:queues").Bind(options);
        options.Validate();
        foreach (var function in functions)
        {
            // The listener reads raw message text: it decodes base64 itself and copies poison messages verbatim.
            var service = new QueueServiceClient(builder.Configuration[function.Connection]);
            var queue = service.GetQueueClient(function.QueueName);
            var poison = service.GetQueueClient(function.QueueName + "-poison");
            builder.Services.AddSingleton<IHostedService>(provider =>
                ActivatorUtilities.CreateInstance<QueueTriggerListener>(provider, function, queue, poison, options));
        }
    }
}
