using System.Text;
using EmbeddedFinance.Core.OAuth;

namespace EmbeddedFinance.Core.Tests.OAuth;

public sealed class ClientCredentialsRequestTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Form(params (string Name, string Value)[] fields) =>
        fields.GroupBy(field => field.Name).ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.Select(field => field.Value).ToList());

    private static string Basic(string id, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}"));

    [Fact]
    public void Basic_credentials_are_form_decoded_per_RFC_6749_section_2_3_1()
    {
        var (request, error) = ClientCredentialsRequest.Parse(Form(("grant_type", "client_credentials")), Basic("cli_1", "s:e+c r%t"));

        Assert.Null(error);
        Assert.Equal("cli_1", request!.ClientId);
        Assert.Equal("s:e+c r%t", request.ClientSecret.Reveal());
        Assert.Null(request.Scopes);
    }

    [Fact]
    public void Form_credentials_and_scopes_are_read()
    {
        var (request, error) = ClientCredentialsRequest.Parse(
            Form(("grant_type", "client_credentials"), ("client_id", "cli_1"), ("client_secret", "cs"), ("scope", "payments:read  ledger:read")), null);

        Assert.Null(error);
        Assert.Equal(new[] { "payments:read", "ledger:read" }, request!.Scopes);
    }

    [Theory]
    [InlineData("", "invalid_request", 400)]
    [InlineData("password", "unsupported_grant_type", 400)]
    public void A_missing_or_other_grant_is_refused(string grant, string code, int status)
    {
        var (_, error) = ClientCredentialsRequest.Parse(Form(("grant_type", grant)), Basic("cli_1", "cs"));

        Assert.Equal((code, status), (error!.Error, error.Status));
    }

    [Fact]
    public void Credentials_sent_twice_are_an_invalid_request()
    {
        var (_, error) = ClientCredentialsRequest.Parse(Form(("grant_type", "client_credentials"), ("client_secret", "cs")), Basic("cli_1", "cs"));

        Assert.Equal("invalid_request", error!.Error);
    }

    [Fact]
    public void A_repeated_parameter_is_an_invalid_request()
    {
        var (_, error) = ClientCredentialsRequest.Parse(Form(("grant_type", "client_credentials"), ("scope", "a"), ("scope", "b")), Basic("cli_1", "cs"));

        Assert.Equal("invalid_request", error!.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer sk_test_x")]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic bm9jb2xvbg==")]
    public void Missing_or_malformed_client_authentication_is_invalid_client_401(string? authorization)
    {
        var (_, error) = ClientCredentialsRequest.Parse(Form(("grant_type", "client_credentials")), authorization);

        Assert.Equal(("invalid_client", 401), (error!.Error, error.Status));
        Assert.Equal("Basic realm=\"EmbeddedFinance\"", error.ToResponse().WwwAuthenticate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("payments:admin")]
    [InlineData("cards:read")]
    public void An_empty_or_unknown_scope_is_invalid_scope(string scope)
    {
        var (_, error) = ClientCredentialsRequest.Parse(Form(("grant_type", "client_credentials"), ("scope", scope)), Basic("cli_1", "cs"));

        Assert.Equal(("invalid_scope", 400), (error!.Error, error.Status));
    }

    [Fact]
    public void An_error_never_echoes_the_secret()
    {
        var (_, error) = ClientCredentialsRequest.Parse(Form(("grant_type", "client_credentials"), ("client_id", "cli_1"), ("client_secret", "cs_test_TOPSECRET"), ("scope", "x")), null);

        Assert.DoesNotContain("TOPSECRET", error!.ToResponse().Body);
    }
}
