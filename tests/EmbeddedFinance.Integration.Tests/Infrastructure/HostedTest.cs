using EmbeddedFinance.Integration.Tests.Webhooks;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>
/// A test class whose every test runs against its own development host (its own table prefix, so no test sees
/// another's state) and, if the class asks, its own webhook receiver: started before each test, stopped after it.
/// The hooks shape the host; <see cref="ArrangeAsync"/> builds what every test of the class starts from.
/// </summary>
public abstract class HostedTest : IAsyncLifetime
{
    private TestHost? host;
    private WebhookReceiver? receiver;

    protected TestHost Host => host ?? throw new InvalidOperationException("The host is started by InitializeAsync.");

    protected WebhookReceiver Receiver => receiver ?? throw new InvalidOperationException($"{GetType().Name} starts no webhook receiver: override {nameof(UsesWebhookReceiver)}.");

    /// <summary>Whether a webhook receiver is started (before the host) for each test.</summary>
    protected virtual bool UsesWebhookReceiver => false;

    /// <summary>Whether the host also serves https (<see cref="TestHost.HttpsAddress"/>, <see cref="TestHost.CreateHttpsClient"/>).</summary>
    protected virtual bool UsesHttps => false;

    /// <summary>Settings layered over everything else (e.g. host.json overrides).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Test functions hosted beside the app's own.</summary>
    protected virtual IEnumerable<FunctionMetadata>? ExtraFunctions => null;

    /// <summary>Service overrides, applied after the app's own registrations so they win.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Starts the host; a class that must prepare something first (its own storage, a queue) overrides it.</summary>
    protected virtual Task<TestHost> StartHostAsync() => TestHost.StartAsync(Settings, ConfigureServices, ExtraFunctions, https: UsesHttps);

    /// <summary>Runs once the host is up: what every test of the class starts from (merchants, clients, endpoints).</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (UsesWebhookReceiver) receiver = await WebhookReceiver.StartAsync();
        host = await StartHostAsync();
        await ArrangeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
    }
}
