using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Payments;

/// <summary>Merchant-defined key/value pairs, bounded so one object cannot outgrow its row.</summary>
public static class PaymentMetadata
{
    public const int MaxKeys = 20;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;

    public static ApiError? Validate(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null) return null;
        if (metadata.Count > MaxKeys) return Errors.ParameterInvalid("metadata", $"Metadata holds at most {MaxKeys} keys.");
        foreach (var (key, value) in metadata)
        {
            if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
            {
                return Errors.ParameterInvalid("metadata", $"Metadata keys are 1 to {MaxKeyLength} characters, without control characters.");
            }
            if (value is null || value.Length > MaxValueLength)
            {
                return Errors.ParameterInvalid($"metadata.{key}", $"Metadata values are strings of at most {MaxValueLength} characters.");
            }
        }
        return null;
    }
}
