using Azure;
using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EmbeddedFinance.Integration.Tests.Recovery;

/// <summary>
/// The secret store failing as Key Vault does when it is down (503) whenever a delivery reads a signing secret:
/// deliveries are parked, not attempted and not poisoned, and every event arrives, signed, once it is back.
/// </summary>
public sealed class KeyVaultOutageTests : HostedTest
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(40);
    private long failUntil;
    private int refused;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Recovery:ParkBaseDelay"] = "00:00:01", ["Recovery:ParkMaxDelay"] = "00:00:04" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ISecretStore>(provider => FailingSigningSecrets(
            new CachingSecretStore(provider.GetRequiredService<LocalSecretStore>(), TimeSpan.FromMinutes(5), TimeProvider.System)));

    [Fact]
    public async Task Deliveries_during_a_Key_Vault_outage_are_parked_and_all_arrive_signed_afterwards_with_no_attempt_wasted()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        var webhooks = new WebhookClient(Host, merchant.SecretKey);
        var endpoint = await webhooks.CreateEndpointAsync(Receiver.Url("all"), "payment.succeeded");
        var token = await client.TokenAsync();

        Interlocked.Exchange(ref failUntil, (DateTimeOffset.UtcNow + Outage).UtcTicks);
        var payments = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            payments.Add((await client.PayAsync(token, 1_000)).GetProperty("id").GetString()!);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.True(refused > 0, "no delivery met the outage");

        await Eventually.HoldsAsync(() => payments.All(id => Receiver.On("all").Any(webhook => webhook.ObjectId == id)), "every payment's webhook delivered",
            seconds: 45, state: () => $"{Receiver.On("all").Count} received, {refused} secret reads refused");
        var verifier = new StandardWebhooks.StandardWebhook(endpoint.Secret);
        foreach (var webhook in Receiver.On("all")) verifier.Verify(webhook.Body, webhook.HeaderDictionary);
        foreach (var id in payments)
        {
            var eventId = await webhooks.EventIdAsync("payment.succeeded", id);
            var attempts = (await webhooks.AttemptsAsync(eventId)).EnumerateArray().ToList();
            Assert.Single(attempts);
            Assert.Equal(200, attempts[0].GetProperty("status_code").GetInt32());
        }
        Assert.Equal(0, await Host.CountPoisonedAsync());
        Assert.Contains(Host.Logs.Lines, line => line.Contains("DeliverWebhook parked", StringComparison.Ordinal) && line.Contains("RequestFailedException", StringComparison.Ordinal));
    }

    private ISecretStore FailingSigningSecrets(ISecretStore inner)
    {
        var store = new Mock<ISecretStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string name, CancellationToken token) => inner.GetAsync(name, token));
        store.Setup(s => s.SetAsync(It.IsAny<string>(), It.IsAny<Sensitive>(), It.IsAny<CancellationToken>()))
            .Returns((string name, Sensitive value, CancellationToken token) => inner.SetAsync(name, value, token));
        store.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string name, CancellationToken token) => inner.DeleteAsync(name, token));
        store.Setup(s => s.GetVersionAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string name, string version, CancellationToken token) =>
        {
            if (name.StartsWith("webhook-secret-", StringComparison.Ordinal) && DateTimeOffset.UtcNow.UtcTicks < Interlocked.Read(ref failUntil))
            {
                Interlocked.Increment(ref refused);
                throw new RequestFailedException(503, "Key Vault is unavailable.");
            }
            return inner.GetVersionAsync(name, version, token);
        });
        return store.Object;
    }
}
