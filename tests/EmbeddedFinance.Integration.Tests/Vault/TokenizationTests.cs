using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Azure.Vault;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Secrets;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Integration.Tests.Vault;

public sealed class TokenizationTests : HostedTest
{
    private CreatedMerchant merchant = null!;
    private CreatedMerchant other = null!;

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync("Ride Co");
        other = await Host.CreateMerchantAsync("Market Co");
    }

    private async Task<JsonElement> TokenizeAsync(string number, string? key = null, int year = 2030)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/tokens", key ?? merchant.PublishableKey, SandboxCards.Card(number, year: year));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private CardAuthorizationReader Reader => Host.Services.GetRequiredService<CardAuthorizationReader>();

    /// <summary>A reader as on another instance of the app: its token cache has not seen the token, so it reads storage.</summary>
    private CardAuthorizationReader ColdReader => new(
        new TableTokenStore(Host.Services.GetRequiredService<StateTable>(), Host.Services.GetRequiredService<StateBatches>(), TimeProvider.System),
        Host.Services.GetRequiredService<CardSealer>(),
        Host.Services.GetRequiredService<ILogger<CardAuthorizationReader>>());

    private static string TestScope(CreatedMerchant owner) => MerchantScope.Of(owner.Id, Mode.Test);

    [Theory]
    [MemberData(nameof(SandboxCards.WithBrands), MemberType = typeof(SandboxCards))]
    public async Task Every_sandbox_card_tokenizes_with_its_brand_and_only_tokenized_data_comes_back(string number, string brand)
    {
        var token = await TokenizeAsync(number);
        var digits = number.Replace(" ", "");

        Assert.StartsWith("tok_", token.GetProperty("id").GetString());
        Assert.Equal("token", token.GetProperty("object").GetString());
        Assert.False(token.GetProperty("livemode").GetBoolean());
        var card = token.GetProperty("card");
        Assert.Equal(brand, card.GetProperty("brand").GetString());
        Assert.Equal(digits[^4..], card.GetProperty("last4").GetString());
        Assert.Equal(12, card.GetProperty("exp_month").GetInt32());
        Assert.Equal(2030, card.GetProperty("exp_year").GetInt32());
        Assert.False(string.IsNullOrEmpty(card.GetProperty("fingerprint").GetString()));
        Assert.Equal(["brand", "exp_month", "exp_year", "fingerprint", "last4"], card.EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain(digits, token.GetRawText());
    }

    public static TheoryData<object, string, string> InvalidCards => new()
    {
        { SandboxCards.Card("4242424242424241"), "incorrect_number", "card.number" },
        { SandboxCards.Card("4242 4242 4242 42a2"), "incorrect_number", "card.number" },
        { SandboxCards.Card("9999999999999995"), "incorrect_number", "card.number" },
        { SandboxCards.Card("42424242"), "incorrect_number", "card.number" },
        { SandboxCards.Card("4242424242424242", month: 13), "invalid_expiry_month", "card.exp_month" },
        { SandboxCards.Card("4242424242424242", month: 0), "invalid_expiry_month", "card.exp_month" },
        { SandboxCards.Card("4242424242424242", year: 1999), "invalid_expiry_year", "card.exp_year" },
        { SandboxCards.Card("4242424242424242", year: DateTime.UtcNow.Year + 60), "invalid_expiry_year", "card.exp_year" },
        { SandboxCards.Card("4242424242424242", year: DateTime.UtcNow.Year - 1), "expired_card", "card.exp_year" },
        { SandboxCards.Card("4242424242424242", cvc: "12"), "invalid_cvc", "card.cvc" },
        { SandboxCards.Card("4242424242424242", cvc: "12a"), "invalid_cvc", "card.cvc" },
        { SandboxCards.Card("378282246310005", cvc: "123"), "invalid_cvc", "card.cvc" },
        { new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2030 } }, "parameter_missing", "card.cvc" },
        { new { card = new { exp_month = 12, exp_year = 2030, cvc = "123" } }, "parameter_missing", "card.number" },
        { new { card = new { number = "4242424242424242", exp_month = "12", exp_year = 2030, cvc = "123" } }, "parameter_invalid", "card.exp_month" },
        { new { card = new { number = 4242424242424242, exp_month = 12, exp_year = 2030, cvc = "123" } }, "parameter_invalid", "card.number" },
        { new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2030, cvc = "123", pin = "0000" } }, "parameter_unknown", "card.pin" },
        { new { }, "parameter_missing", "card" },
    };

    [Theory]
    [MemberData(nameof(InvalidCards))]
    public async Task Every_invalid_card_is_a_400_with_its_code_and_param_and_stores_nothing(object body, string code, string param)
    {
        var tokensBefore = await Host.CountRowsAsync(TokenEntity.Kind);
        var idempotencyBefore = await Host.CountRowsAsync("idem");

        using var response = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.SecretKey, body, Guid.NewGuid().ToString());

        await Problem.AssertAsync(response, 400, code, param);
        Assert.Equal(tokensBefore, await Host.CountRowsAsync(TokenEntity.Kind));
        Assert.Equal(idempotencyBefore, await Host.CountRowsAsync("idem"));
    }

    [Fact]
    public async Task A_publishable_key_tokenizes_but_only_a_secret_key_reads_a_token()
    {
        var token = await TokenizeAsync("4242424242424242", merchant.PublishableKey);
        var id = token.GetProperty("id").GetString();

        using var withPublishable = await Host.SendAsync(HttpMethod.Get, $"v1/tokens/{id}", merchant.PublishableKey);
        using var withSecret = await Host.SendAsync(HttpMethod.Get, $"v1/tokens/{id}", merchant.SecretKey);

        await Problem.AssertAsync(withPublishable, 403, "forbidden");
        Assert.Equal(HttpStatusCode.OK, withSecret.StatusCode);
        Assert.Equal(token.GetRawText(), JsonDocument.Parse(await withSecret.Content.ReadAsStringAsync()).RootElement.GetRawText());
    }

    [Fact]
    public async Task Another_merchants_token_is_404_over_http_and_on_the_payment_path()
    {
        var id = (await TokenizeAsync("4242424242424242")).GetProperty("id").GetString()!;

        using var foreign = await Host.SendAsync(HttpMethod.Get, $"v1/tokens/{id}", other.SecretKey);
        var opened = await Reader.OpenAsync(TestScope(other), id, "payment_method", CancellationToken.None);
        var ownLive = await Reader.OpenAsync(MerchantScope.Of(merchant.Id, Mode.Live), id, "payment_method", CancellationToken.None);

        await Problem.AssertAsync(foreign, 404, "resource_missing");
        Assert.Equal("resource_missing", opened.Error!.Code);
        Assert.Equal("payment_method", opened.Error.Param);
        Assert.Equal("resource_missing", ownLive.Error!.Code);
    }

    [Fact]
    public async Task The_payment_path_gets_the_number_back_and_nothing_else_does()
    {
        var id = (await TokenizeAsync("5555 5555 5555 4444")).GetProperty("id").GetString()!;

        var card = (await Reader.OpenAsync(TestScope(merchant), id, "payment_method", CancellationToken.None)).Value!;

        Assert.Equal("5555555555554444", card.Number.Reveal());
        Assert.Equal(CardBrand.Mastercard, card.Token.Brand);
    }

    [Fact]
    public async Task A_rotated_card_data_key_keeps_old_tokens_usable_and_seals_new_ones_under_the_new_version()
    {
        var before = (await TokenizeAsync("4242424242424242")).GetProperty("id").GetString()!;
        await Host.Services.GetRequiredService<ISecretStore>().SetAsync(SecretNames.CardDataKey, DataKeys.Generate(), CancellationToken.None);
        var after = (await TokenizeAsync("6011111111111117")).GetProperty("id").GetString()!;

        var oldCard = (await Reader.OpenAsync(TestScope(merchant), before, "payment_method", CancellationToken.None)).Value!;
        var newCard = (await Reader.OpenAsync(TestScope(merchant), after, "payment_method", CancellationToken.None)).Value!;

        Assert.Equal("4242424242424242", oldCard.Number.Reveal());
        Assert.Equal("6011111111111117", newCard.Number.Reveal());
        Assert.NotEqual((await TokenRowAsync(merchant, before)).KeyVersion, (await TokenRowAsync(merchant, after)).KeyVersion);
    }

    [Fact]
    public async Task A_tampered_ciphertext_fails_closed()
    {
        var id = (await TokenizeAsync("4242424242424242")).GetProperty("id").GetString()!;
        var row = await TokenRowAsync(merchant, id);
        row.SealedCard[^3] ^= 0x20;
        await Host.Services.GetRequiredService<StateTable>().Client.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => ColdReader.OpenAsync(TestScope(merchant), id, "payment_method", CancellationToken.None));
        Assert.Contains(Host.Logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal) && line.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_token_fails_closed()
    {
        var source = (await TokenizeAsync("4242424242424242")).GetProperty("id").GetString()!;
        var target = (await TokenizeAsync("5555555555554444")).GetProperty("id").GetString()!;
        var sourceRow = await TokenRowAsync(merchant, source);
        var targetRow = await TokenRowAsync(merchant, target);
        targetRow.SealedCard = sourceRow.SealedCard;
        targetRow.KeyVersion = sourceRow.KeyVersion;
        await Host.Services.GetRequiredService<StateTable>().Client.UpdateEntityAsync(targetRow, targetRow.ETag, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => ColdReader.OpenAsync(TestScope(merchant), target, "payment_method", CancellationToken.None));
    }

    [Fact]
    public async Task The_fingerprint_is_stable_per_merchant_and_differs_between_merchants_and_cards()
    {
        string Fingerprint(JsonElement token) => token.GetProperty("card").GetProperty("fingerprint").GetString()!;

        var first = Fingerprint(await TokenizeAsync("4242424242424242"));
        var again = Fingerprint(await TokenizeAsync("4242 4242 4242 4242", merchant.SecretKey, year: 2031));
        var otherMerchant = Fingerprint(await TokenizeAsync("4242424242424242", other.PublishableKey));
        var otherCard = Fingerprint(await TokenizeAsync("5555555555554444"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherMerchant);
        Assert.NotEqual(first, otherCard);
    }

    [Fact]
    public async Task Replaying_a_tokenization_returns_the_same_token_and_the_cvc_is_not_part_of_the_fingerprint()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.SecretKey, SandboxCards.Card("4242424242424242", cvc: "123"), key);
        using var replay = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.SecretKey, SandboxCards.Card("4242424242424242", cvc: "987"), key);
        using var otherCard = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.SecretKey, SandboxCards.Card("5555555555554444"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await Problem.AssertAsync(otherCard, 422, "idempotency_key_reused");
    }

    private async Task<TokenEntity> TokenRowAsync(CreatedMerchant owner, string tokenId) =>
        (await Host.Services.GetRequiredService<StateTable>().Client.GetEntityAsync<TokenEntity>(TestScope(owner), StateTable.RowKey(TokenEntity.Kind, tokenId))).Value;
}
