using System.Text;
using EmbeddedFinance.Client;
using EmbeddedFinance.Client.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Webhooks;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// The SDK's webhook surface that came with ed25519 signing, thin payloads, throttling, recovery and the event catalog,
/// against the real development host over sockets: the platform's own deliveries verified by the SDK.
/// </summary>
public sealed class SdkWebhookTests : HostedTest
{
    private volatile bool receiverDown = true;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // One retry a second later, then failed for good: an outage is over in a couple of seconds.
        ["Webhooks:RetrySchedule"] = "00:00:01",
    };

    private async Task<EmbeddedFinanceClient> NewMerchantAsync() => new((await Host.CreateMerchantAsync()).SecretKey, Host.Client.BaseAddress);

    private static async Task<Payment> PayAsync(EmbeddedFinanceClient client, long amount = 1500)
    {
        var token = await client.Tokens.CreateAsync(new CreateTokenRequest { Card = new CardInput { Number = "4242 4242 4242 4242", ExpMonth = 12, ExpYear = 2030, Cvc = "123" } });
        return await client.Payments.CreateAsync(new CreatePaymentRequest { Amount = amount, Currency = "usd", PaymentMethod = token.Id });
    }

    private static Func<string, string?> HeadersOf(ReceivedWebhook delivery) => name => delivery.Headers.TryGetValue(name, out var value) ? value : null;

    [Fact]
    public async Task An_ed25519_endpoint_made_through_the_SDK_signs_v1a_which_the_verifier_accepts_and_refuses_after_one_changed_byte()
    {
        using var client = await NewMerchantAsync();
        var endpoint = await client.WebhookEndpoints.CreateAsync(new CreateWebhookEndpointRequest
        {
            Url = Receiver.Url("ed25519"), EnabledEvents = [EventTypes.PaymentSucceeded], Signing = WebhookSigning.Ed25519, ThrottleRate = 50,
        });
        Assert.Equal((WebhookSigning.Ed25519, WebhookPayloads.Full, 50d, null), (endpoint.Signing, endpoint.Payload, endpoint.ThrottleRate, endpoint.Secret));
        Assert.StartsWith("whpk_", endpoint.PublicKey);
        var read = await client.WebhookEndpoints.GetAsync(endpoint.Id);
        Assert.Equal((WebhookSigning.Ed25519, (string?)null, (string?)null), (read.Signing, read.PublicKey, read.DisabledReason));

        var payment = await PayAsync(client);
        await Eventually.HoldsAsync(() => Receiver.On("ed25519").Count == 1, "the delivery");
        var delivery = Receiver.On("ed25519")[0];
        Assert.StartsWith("v1a,", delivery.Headers["webhook-signature"]);
        var verified = new WebhookVerifier(endpoint.PublicKey!).Verify(delivery.Body, HeadersOf(delivery));
        Assert.Equal((delivery.WebhookId, payment.Id), (verified.Id, Assert.IsType<Payment>(verified.DataObject).Id));
        Assert.False(verified.IsThin);

        var tampered = Encoding.UTF8.GetBytes(delivery.Body);
        tampered[tampered.Length / 2] ^= 0x01;
        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(endpoint.PublicKey!).Verify(Encoding.UTF8.GetString(tampered), HeadersOf(delivery)));
        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(WebhookSigner.NewSecret()).Verify(delivery.Body, HeadersOf(delivery)));

        var rotated = await client.WebhookEndpoints.RotateSecretAsync(endpoint.Id, new RotateWebhookSecretRequest { ExpirePreviousInSeconds = 0 });
        Assert.Null(rotated.Secret);
        Assert.StartsWith("whpk_", rotated.PublicKey);
        Assert.NotEqual(endpoint.PublicKey, rotated.PublicKey);
        await PayAsync(client, 1600);
        await Eventually.HoldsAsync(() => Receiver.On("ed25519").Count == 2, "the delivery after the rotation");
        var after = Receiver.On("ed25519")[1];
        Assert.Equal(after.WebhookId, new WebhookVerifier(rotated.PublicKey!).Verify(after.Body, HeadersOf(after)).Id);
        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(endpoint.PublicKey!).Verify(after.Body, HeadersOf(after)));
    }

    [Fact]
    public async Task A_thin_endpoint_gets_only_id_and_object_and_recover_sends_again_what_failed_during_an_outage()
    {
        using var client = await NewMerchantAsync();
        var endpoint = await client.WebhookEndpoints.CreateAsync(new CreateWebhookEndpointRequest
        {
            Url = Receiver.Url("thin", (_, _) => Task.FromResult(receiverDown ? 503 : 200)), EnabledEvents = [EventTypes.PaymentSucceeded], Payload = WebhookPayloads.Thin,
        });
        Assert.Equal(WebhookPayloads.Thin, endpoint.Payload);
        var payment = await PayAsync(client);
        var paid = Assert.Single((await client.Events.ListAsync(type: EventTypes.PaymentSucceeded)).Data);
        await Eventually.HoldsAsync(async () => (await client.Events.ListDeliveriesAsync(paid.Id)).Data.Any(attempt => attempt.Status == "failed"), "the delivery failed for good");
        var failedAttempts = Receiver.On("thin").Count;

        receiverDown = false;
        var recovery = await client.WebhookEndpoints.RecoverAsync(endpoint.Id, new RecoverWebhookEndpointRequest { Since = payment.Created });

        Assert.Equal((endpoint.Id, 1), (recovery.Endpoint, recovery.Events));
        await Eventually.HoldsAsync(() => Receiver.On("thin").Count == failedAttempts + 1, "the recovered delivery");
        var delivery = Receiver.On("thin")[^1];
        var thin = new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body, HeadersOf(delivery));
        Assert.Equal(paid.Id, thin.Id);
        Assert.True(thin.IsThin);
        Assert.Equal((payment.Id, 0L), (Assert.IsType<Payment>(thin.DataObject).Id, thin.DataObjectAs<Payment>().Amount));
        var whole = await client.Events.GetAsync(thin.Id);
        Assert.False(whole.IsThin);
        Assert.Equal(1500, Assert.IsType<Payment>(whole.DataObject).Amount);
        Assert.Equal(0, (await client.WebhookEndpoints.RecoverAsync(endpoint.Id, new RecoverWebhookEndpointRequest { Since = payment.Created, Until = payment.Created + 3600 })).Events);

        var full = await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new UpdateWebhookEndpointRequest { Payload = WebhookPayloads.Full, ThrottleRate = 5 });
        Assert.Equal((WebhookPayloads.Full, 5d), (full.Payload, full.ThrottleRate));
    }

    [Fact]
    public async Task The_event_catalog_lists_every_type_of_the_SDK_with_a_description_and_a_schema()
    {
        using var client = await NewMerchantAsync();

        var catalog = await client.Events.ListTypesAsync();

        var sdkTypes = typeof(EventTypes).GetFields().Select(field => (string)field.GetRawConstantValue()!).ToList();
        Assert.Equal(sdkTypes.Order(), catalog.Data.Select(type => type.Name).Order());
        Assert.False(catalog.HasMore);
        Assert.All(catalog.Data, type => Assert.False(string.IsNullOrWhiteSpace(type.Description)));
        var reviewOpened = catalog.Data.Single(type => type.Name == EventTypes.ReviewOpened);
        Assert.Equal("payment", reviewOpened.Schema.GetProperty("properties").GetProperty("object").GetProperty("const").GetString());
    }
}
