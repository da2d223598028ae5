using System.Text.RegularExpressions;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// An email address as a sign-up may give it: the common dot-atom form (RFC 5322 without quoted or commented parts), a
/// domain of at least two letter-digit-hyphen labels, at most 254 characters. Stricter than the RFC on purpose: an
/// address people type, never one that smuggles a display name, a second recipient or a line break.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.IndexOf('@') is var at and > 0 and <= 64 && Shape().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
