using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header: 1–255 printable characters chosen by the client.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    public static ApiError? Validate(string key)
    {
        if (key.Length is 0 or > MaxLength)
        {
            return Errors.ParameterInvalid(Header, $"The {Header} header must be 1 to {MaxLength} characters long.");
        }
        return key.Any(char.IsControl)
            ? Errors.ParameterInvalid(Header, $"The {Header} header must not contain control characters.")
            : null;
    }
}
