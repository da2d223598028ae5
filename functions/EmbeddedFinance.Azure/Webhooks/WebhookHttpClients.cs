using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace EmbeddedFinance.Azure.Webhooks;

public static class WebhookHttpClients
{
    /// <summary>
    /// The two named clients of <see cref="HttpWebhookSender"/>. No redirects (a 3xx could point anywhere, inside
    /// included), no proxy from the environment, no cookies; the attempt's deadline is a Polly timeout, the only
    /// resilience step: retries follow the webhook schedule through the queue, not inside one attempt.
    /// </summary>
    public static IServiceCollection AddWebhookHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(HttpWebhookSender.AnyAddressClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => Handler())
            .AddResilienceHandler("webhook-attempt", AddTimeout);
        services.AddHttpClient(HttpWebhookSender.PublicOnlyClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var handler = Handler();
                handler.ConnectCallback = PublicOnlyConnection.Connect(provider.GetRequiredService<WebhookUrlPolicy>());
                return handler;
            })
            .AddResilienceHandler("webhook-attempt", AddTimeout);
        return services;
    }

    private static void AddTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, Microsoft.Extensions.Http.Resilience.ResilienceHandlerContext context) =>
        pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);

    private static SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
