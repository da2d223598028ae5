using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Access;

/// <summary>The name a merchant gives a credential (a restricted key, an OAuth client) to recognise it in lists and audits.</summary>
public static class CredentialName
{
    public const int MaxLength = 100;

    public static Result<string> Validate(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return Errors.ParameterMissing("name");
        if (trimmed.Length > MaxLength) return Errors.ParameterInvalid("name", $"The name must be at most {MaxLength} characters.");
        if (trimmed.Any(char.IsControl)) return Errors.ParameterInvalid("name", "The name must not contain control characters.");
        return trimmed;
    }
}
