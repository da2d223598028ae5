using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Core.Tests.Access;

public sealed class CreateApiKeyRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Levels(params (string, string)[] pairs) => pairs.ToDictionary(pair => pair.Item1, pair => pair.Item2);

    [Fact]
    public void A_valid_request_becomes_a_command()
    {
        var command = new CreateApiKeyRequest(" Partner ", Levels(("payments", "read"), ("ledger", "write"), ("refunds", "none")), Now.AddDays(1).ToUnixTimeSeconds()).Validate(Now);

        Assert.Equal("Partner", command.Value!.Name);
        Assert.Equal(AccessLevel.Read, command.Value.Permissions.LevelOf("payments"));
        Assert.Equal(AccessLevel.Write, command.Value.Permissions.LevelOf("ledger"));
        Assert.Equal(Now.AddDays(1), command.Value.ExpiresAt);
    }

    [Theory]
    [InlineData(null, "payments", "read", null, "parameter_missing", "name")]
    [InlineData("  ", "payments", "read", null, "parameter_missing", "name")]
    [InlineData("P", "cards", "read", null, "parameter_invalid", "permissions.cards")]
    [InlineData("P", "payments", "admin", null, "parameter_invalid", "permissions.payments")]
    [InlineData("P", "payments", "Write", null, "parameter_invalid", "permissions.payments")]
    [InlineData("P", "payments", "read", -1L, "parameter_invalid", "expires_at")]
    [InlineData("P", "payments", "read", 0L, "parameter_invalid", "expires_at")]
    public void Bad_input_names_its_parameter(string? name, string resource, string level, long? expiresIn, string code, string param)
    {
        var expiresAt = expiresIn is { } seconds ? Now.ToUnixTimeSeconds() + seconds : (long?)null;

        var error = new CreateApiKeyRequest(name, Levels((resource, level)), expiresAt).Validate(Now).Error!;

        Assert.Equal(code, error.Code);
        Assert.Equal(param, error.Param);
    }

    [Fact]
    public void Permissions_are_required() =>
        Assert.Equal("permissions", new CreateApiKeyRequest("P", null, null).Validate(Now).Error!.Param);

    [Theory]
    [InlineData(-1L)]
    [InlineData(604_801L)]
    public void A_roll_overlap_outside_0_to_7_days_is_refused(long seconds) =>
        Assert.Equal("expire_previous_in_seconds", new RollApiKeyRequest(seconds).Validate().Error!.Param);
}
