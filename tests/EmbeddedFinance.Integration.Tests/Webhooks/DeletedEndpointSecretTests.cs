using System.Net;
using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>A secret store that fails to delete: the endpoint's delete has committed, so it still succeeds, and the log says what is left.</summary>
public sealed class DeletedEndpointSecretTests : HostedTest
{
    private WebhookClient webhooks = null!;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ISecretStore>(provider => new SecretStoreThatCannotDelete(provider.GetRequiredService<LocalSecretStore>()));

    protected override async Task ArrangeAsync()
    {
        webhooks = new WebhookClient(Host, (await Host.CreateMerchantAsync()).SecretKey);
    }

    [Fact]
    public async Task A_secret_the_store_cannot_delete_leaves_the_endpoint_deleted_and_an_error_naming_the_secret_but_not_its_value()
    {
        var endpoint = await webhooks.CreateEndpointAsync("https://example.com/hook");

        var deleted = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Delete, $"v1/webhook_endpoints/{endpoint.Id}"), HttpStatusCode.OK);

        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Get, $"v1/webhook_endpoints/{endpoint.Id}"), 404, "resource_missing");
        var line = Assert.Single(Host.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(WebhookSecrets.NameOf(endpoint.Id), StringComparison.Ordinal));
        Assert.Contains(endpoint.Id, line);
        Assert.DoesNotContain(endpoint.Secret["whsec_".Length..], line);
    }

    private sealed class SecretStoreThatCannotDelete(ISecretStore inner) : ISecretStore
    {
        public Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

        public Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) => inner.GetVersionAsync(name, version, cancellationToken);

        public Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken) => inner.SetAsync(name, value, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken) => throw new InvalidOperationException("the secret store is unreachable");
    }
}
