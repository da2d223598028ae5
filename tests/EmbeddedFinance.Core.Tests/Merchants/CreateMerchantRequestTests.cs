using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Merchants;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Core.Tests.Merchants;

public sealed class CreateMerchantRequestTests
{
    [Fact]
    public void A_valid_request_becomes_a_normalised_command()
    {
        var command = new CreateMerchantRequest("  Ride Co ", "us", "USD").Validate();

        Assert.True(command.IsSuccess);
        Assert.Equal("Ride Co", command.Value!.Name);
        Assert.Equal("US", command.Value.Country.Code);
        Assert.Equal("usd", command.Value.DefaultCurrency.Code);
    }

    [Theory]
    [InlineData(null, "US", "usd", "parameter_missing", "name")]
    [InlineData("Ride\u0007Co", "US", "usd", "parameter_invalid", "name")]
    [InlineData("Ride Co", null, "usd", "parameter_missing", "country")]
    [InlineData("Ride Co", "ZZ", "usd", "parameter_invalid", "country")]
    [InlineData("Ride Co", "US", null, "parameter_missing", "default_currency")]
    [InlineData("Ride Co", "US", "doge", "currency_unsupported", "default_currency")]
    public void Each_invalid_field_is_named_with_its_code(string? name, string? country, string? currency, string code, string param)
    {
        var result = new CreateMerchantRequest(name, country, currency).Validate();

        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(param, result.Error.Param);
        Assert.Equal(400, result.Error.Status);
    }

    [Fact]
    public void Minted_keys_carry_their_kind_and_mode_and_are_stored_only_as_their_hash()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var secret = IssuedApiKey.Mint("mer_1", ApiKeyKind.Secret, Mode.Test, clock);
        var publishable = IssuedApiKey.Mint("mer_1", ApiKeyKind.Publishable, Mode.Test, clock);

        Assert.Matches("^sk_test_[A-Za-z0-9]{32}$", secret.Plaintext.Reveal());
        Assert.Matches("^pk_test_[A-Za-z0-9]{32}$", publishable.Plaintext.Reveal());
        Assert.Equal(ApiKeyHash.Of(secret.Plaintext.Reveal()), secret.Record.Hash);
        Assert.DoesNotContain(secret.Plaintext.Reveal(), secret.Record.ToString());
        Assert.DoesNotContain(secret.Plaintext.Reveal(), secret.ToString());
        Assert.DoesNotContain(secret.Plaintext.Reveal(), MerchantApiKeysView.From(secret, publishable).ToString());
    }
}
