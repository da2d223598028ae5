using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Webhooks;
using Moq;

namespace EmbeddedFinance.Azure.Tests.Secrets;

/// <summary>The app writes only to the signing vault; the data keys and the admin key come from the vault it can only read.</summary>
public sealed class SplitSecretStoreTests
{
    private readonly Mock<ISecretStore> readOnly = new(MockBehavior.Strict);
    private readonly Mock<ISecretStore> written = new(MockBehavior.Strict);

    [Theory]
    [InlineData(SecretNames.AdminApiKey)]
    [InlineData(SecretNames.CardDataKey)]
    [InlineData(SecretNames.IdempotencyDataKey)]
    [InlineData(SecretNames.RequestFingerprintKey)]
    [InlineData(SecretNames.CardFingerprintKey)]
    [InlineData(SecretNames.BankAccountDataKey)]
    public async Task Data_keys_and_the_admin_key_are_read_from_the_read_only_vault(string name)
    {
        readOnly.Setup(store => store.GetAsync(name, It.IsAny<CancellationToken>())).ReturnsAsync(new SecretValue(name, "v1", new Sensitive("x")));

        var value = await new SplitSecretStore(readOnly.Object, written.Object).GetAsync(name, CancellationToken.None);

        Assert.Equal("v1", value!.Version);
    }

    [Fact]
    public async Task Webhook_secrets_and_oauth_signing_keys_are_written_and_deleted_in_the_signing_vault()
    {
        var webhook = WebhookSecrets.NameOf("we_123");
        written.Setup(store => store.SetAsync(It.IsAny<string>(), It.IsAny<Sensitive>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string name, Sensitive value, CancellationToken _) => new SecretValue(name, "v2", value));
        written.Setup(store => store.DeleteAsync(webhook, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var store = new SplitSecretStore(readOnly.Object, written.Object);

        await store.SetAsync(webhook, new Sensitive("whsec_x"), CancellationToken.None);
        await store.SetAsync(SecretNames.OAuthSigningKeys, new Sensitive("{}"), CancellationToken.None);
        await store.DeleteAsync(webhook, CancellationToken.None);

        written.VerifyAll();
        readOnly.VerifyNoOtherCalls();
    }
}
