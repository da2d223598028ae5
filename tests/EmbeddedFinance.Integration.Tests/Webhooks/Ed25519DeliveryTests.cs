using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// ed25519 endpoints over real sockets, their signatures checked by Node's own ed25519 (<see cref="NodeEd25519"/>); and
/// thin endpoints, whose events carry nothing of the object but its id and type.
/// </summary>
public sealed class Ed25519DeliveryTests : HostedTest
{
    protected override bool UsesWebhookReceiver => true;

    [Fact]
    public async Task An_ed25519_delivery_verifies_with_the_public_key_in_an_independent_implementation_and_not_after_one_byte_changes()
    {
        var (payments, webhooks) = await MerchantAsync();
        var created = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, "v1/webhook_endpoints",
            new { url = Receiver.Url("asymmetric"), enabled_events = new[] { "account.created" }, signing = "ed25519" }), HttpStatusCode.Created);
        var publicKey = created.GetProperty("public_key").GetString()!;
        Assert.Equal("ed25519", created.GetProperty("signing").GetString());
        Assert.False(created.TryGetProperty("secret", out _));
        Assert.Equal(32, Convert.FromBase64String(publicKey["whpk_".Length..]).Length);

        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("asymmetric").Count >= 1, "the delivery");
        var webhook = Receiver.On("asymmetric")[0];

        var signature = webhook.Headers["webhook-signature"];
        Assert.Matches("^v1a,[A-Za-z0-9+/]{86}==$", signature);
        Assert.True(await NodeEd25519.VerifiesAsync(publicKey, webhook));
        var bytes = System.Text.Encoding.UTF8.GetBytes(webhook.Body);
        bytes[bytes.Length / 2] ^= 0x01;
        Assert.False(await NodeEd25519.VerifiesAsync(publicKey, webhook, System.Text.Encoding.UTF8.GetString(bytes)));
        Assert.False(await NodeEd25519.VerifiesAsync(publicKey, webhook.WebhookId, "1", webhook.Body, signature));

        // Neither the private key nor anything but the public key is in a table in the clear.
        var tables = await Host.DumpTablesAsync(auditTrail: false);
        Assert.DoesNotContain(tables, row => row.Contains("whsk_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rotating_an_ed25519_key_returns_the_next_public_key_and_both_sign_during_the_overlap()
    {
        var (payments, webhooks) = await MerchantAsync();
        var created = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, "v1/webhook_endpoints",
            new { url = Receiver.Url("rotating"), enabled_events = new[] { "account.created" }, signing = "ed25519" }), HttpStatusCode.Created);
        var first = created.GetProperty("public_key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        var rotated = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/webhook_endpoints/{id}/rotate_secret", new { expire_previous_in_seconds = 3600 }), HttpStatusCode.OK);
        var second = rotated.GetProperty("public_key").GetString()!;
        Assert.StartsWith("whpk_", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.False(rotated.TryGetProperty("secret", out _));

        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("rotating").Count >= 1, "the delivery during the overlap");
        var during = Receiver.On("rotating")[0];
        var signatures = during.Headers["webhook-signature"].Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.True(await NodeEd25519.VerifiesAsync(second, during.WebhookId, during.Headers["webhook-timestamp"], during.Body, signatures[0]));
        Assert.True(await NodeEd25519.VerifiesAsync(first, during.WebhookId, during.Headers["webhook-timestamp"], during.Body, signatures[1]));
        Assert.False(await NodeEd25519.VerifiesAsync(first, during.WebhookId, during.Headers["webhook-timestamp"], during.Body, signatures[0]));

        var third = (await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/webhook_endpoints/{id}/rotate_secret", new { expire_previous_in_seconds = 0 }), HttpStatusCode.OK))
            .GetProperty("public_key").GetString()!;
        await payments.AccountAsync("Second");
        await Eventually.HoldsAsync(() => Receiver.On("rotating").Count >= 2, "the delivery after the overlap");
        var after = Receiver.On("rotating")[1];
        Assert.Single(after.Headers["webhook-signature"].Split(' '));
        Assert.True(await NodeEd25519.VerifiesAsync(third, after));
        Assert.False(await NodeEd25519.VerifiesAsync(second, after));
    }

    [Fact]
    public async Task A_thin_event_carries_no_object_fields_beyond_id_and_object_and_the_event_route_has_the_rest()
    {
        var (payments, webhooks) = await MerchantAsync();
        var created = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, "v1/webhook_endpoints",
            new { url = Receiver.Url("thin"), enabled_events = new[] { "*" }, payload = "thin" }), HttpStatusCode.Created);
        Assert.Equal("thin", created.GetProperty("payload").GetString());
        var secret = created.GetProperty("secret").GetString()!;
        var payment = (await payments.PayAsync(await payments.TokenAsync(), amount: 4_200)).GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(() => Receiver.On("thin").Any(webhook => webhook.Type == "payment.succeeded"), "the thin payment event");

        var thin = Receiver.On("thin").First(webhook => webhook.Type == "payment.succeeded");
        new StandardWebhooks.StandardWebhook(secret).Verify(thin.Body, thin.HeaderDictionary);
        var dataObject = thin.Json.GetProperty("data").GetProperty("object");
        Assert.Equal(["id", "object"], dataObject.EnumerateObject().Select(member => member.Name));
        Assert.Equal((payment, "payment"), (dataObject.GetProperty("id").GetString(), dataObject.GetProperty("object").GetString()));
        Assert.DoesNotContain("\"amount\"", thin.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("last4", thin.Body, StringComparison.Ordinal);

        var full = await webhooks.GetAsync($"v1/events/{thin.WebhookId}");
        Assert.Equal(4_200, full.GetProperty("data").GetProperty("object").GetProperty("amount").GetInt64());
        Assert.Equal(thin.Json.GetProperty("created").GetInt64(), full.GetProperty("created").GetInt64());
    }

    private async Task<(PaymentClient Payments, WebhookClient Webhooks)> MerchantAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        return (new PaymentClient(Host, merchant), new WebhookClient(Host, merchant.SecretKey));
    }
}
