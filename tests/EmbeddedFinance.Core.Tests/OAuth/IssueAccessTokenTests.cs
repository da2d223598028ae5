using System.Text.Json;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.OAuth;
using EmbeddedFinance.Core.Protection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace EmbeddedFinance.Core.Tests.OAuth;

public sealed class IssueAccessTokenTests
{
    private const string Secret = "cs_test_right";
    private readonly OAuthKit kit = new();
    private readonly Mock<IAuditLog> audit = new();
    private readonly List<AuditEntry> audited = [];

    public IssueAccessTokenTests() =>
        audit.Setup(log => log.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).Callback((AuditEntry entry, CancellationToken _) => audited.Add(entry)).Returns(Task.CompletedTask);

    private IssueAccessToken Issue => new(kit.Directory.Object, kit.Tokens, new AuditTrail(audit.Object, kit.Clock, NullLogger<AuditTrail>.Instance), NullLogger<IssueAccessToken>.Instance);

    private static ClientCredentialsRequest Asking(OAuthClientRecord client, string secret = Secret, params string[] scopes) =>
        new(client.ClientId, new Sensitive(secret), scopes.Length == 0 ? null : scopes);

    [Fact]
    public async Task A_client_gets_a_token_for_every_scope_it_has_when_it_names_none_and_the_grant_is_audited_under_its_id()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(Secret, null, "payments:write", "ledger:read"));

        var (response, refused) = await Issue.IssueAsync(Asking(client), null, "req_1", CancellationToken.None);

        Assert.False(refused);
        Assert.Equal(200, response.Status);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(900, body.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal("payments:write ledger:read", body.RootElement.GetProperty("scope").GetString());
        Assert.True((await kit.Tokens.ValidateAsync(body.RootElement.GetProperty("access_token").GetString()!, CancellationToken.None)).IsSuccess);
        var entry = Assert.Single(audited);
        Assert.Equal((client.ClientId, client.Scope, IssueAccessToken.AuditAction, 200), (entry.KeyId, entry.Scope, entry.Action, entry.Status));
    }

    [Fact]
    public async Task A_narrower_scope_is_granted_and_a_wider_one_is_invalid_scope()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(Secret, null, "payments:write"));

        var (narrower, _) = await Issue.IssueAsync(Asking(client, Secret, "payments:read"), null, "req_1", CancellationToken.None);
        var (wider, refused) = await Issue.IssueAsync(Asking(client, Secret, "payments:write", "payouts:write"), null, "req_2", CancellationToken.None);

        Assert.Equal(200, narrower.Status);
        Assert.Equal((400, "invalid_scope"), (wider.Status, wider.ErrorCode));
        Assert.Contains("payouts:write", wider.Body);
        Assert.False(refused);
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_client_is_invalid_client_and_counted()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(Secret));

        var (wrong, wrongRefused) = await Issue.IssueAsync(Asking(client, "cs_test_wrong"), null, "req_1", CancellationToken.None);
        var (unknown, unknownRefused) = await Issue.IssueAsync(new ClientCredentialsRequest("cli_0000000000bbbbbbbbbbbbbbbb", new Sensitive(Secret), null), null, "req_2", CancellationToken.None);

        Assert.Equal((401, "invalid_client", true), (wrong.Status, wrong.ErrorCode, wrongRefused));
        Assert.Equal((401, "invalid_client", true), (unknown.Status, unknown.ErrorCode, unknownRefused));
        Assert.Equal(401, Assert.Single(audited).Status);
    }

    [Fact]
    public async Task A_bound_client_gets_a_token_only_over_a_connection_presenting_its_certificate_and_the_token_carries_it()
    {
        const string thumbprint = "x5t-of-the-client-certificate";
        var client = await kit.RegisteredAsync(OAuthKit.Client(Secret, thumbprint, "payments:read"));

        var (without, refused) = await Issue.IssueAsync(Asking(client), null, "req_1", CancellationToken.None);
        var (other, _) = await Issue.IssueAsync(Asking(client), "another-certificate", "req_2", CancellationToken.None);
        var (with, _) = await Issue.IssueAsync(Asking(client), thumbprint, "req_3", CancellationToken.None);

        Assert.Equal((401, true), (without.Status, refused));
        Assert.Equal(401, other.Status);
        Assert.Equal(200, with.Status);
        var token = JsonDocument.Parse(with.Body).RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal(thumbprint, (await kit.Tokens.ValidateAsync(token, CancellationToken.None)).Value!.CertificateThumbprint);
    }
}
