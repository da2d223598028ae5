using EmbeddedFinance.Client.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace EmbeddedFinance.Client;

/// <summary>Registration of <see cref="EmbeddedFinanceClient"/> with dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses (to add your own handlers).</summary>
    public const string HttpClientName = "EmbeddedFinance";

    /// <summary>
    /// Registers <see cref="EmbeddedFinanceClient"/> over <see cref="IHttpClientFactory"/>, with the SDK's retries
    /// (Microsoft.Extensions.Http.Resilience): <c>services.AddEmbeddedFinanceClient(o =&gt; o.ApiKey = config["EF_API_KEY"])</c>.
    /// </summary>
    public static IHttpClientBuilder AddEmbeddedFinanceClient(this IServiceCollection services, Action<EmbeddedFinanceClientOptions> configure)
    {
        services.AddOptions<EmbeddedFinanceClientOptions>().Configure(configure);
        services.AddTransient(provider => new EmbeddedFinanceClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<EmbeddedFinanceClientOptions>>().Value));
        var builder = services.AddHttpClient(HttpClientName);
        builder.AddResilienceHandler("embedded-finance-retries", (pipeline, context) =>
            pipeline.AddRetry(RetryPolicy.Options(context.ServiceProvider.GetRequiredService<IOptions<EmbeddedFinanceClientOptions>>().Value)));
        return builder;
    }
}
