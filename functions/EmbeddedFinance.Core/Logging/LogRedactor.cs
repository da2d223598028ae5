using System.Text.RegularExpressions;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Logging;

/// <summary>
/// The last line of defence, after every deliberate care: masks in any log text what is shaped like a card number
/// (13–19 digits, spaces or dashes allowed, passing Luhn: only the last four stay), an API key or portal credential, a webhook secret,
/// a bearer token, or the key or signature of a storage or Service Bus connection string.
/// </summary>
public static partial class LogRedactor
{
    public static string Redact(string text)
    {
        if (text.Length < 12) return text;
        text = CardShaped().Replace(text, match =>
        {
            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            return Luhn.IsValid(digits) ? "****" + digits[^4..] : match.Value;
        });
        text = ApiKey().Replace(text, match => match.Groups[1].Value + "[redacted]");
        text = WebhookSecret().Replace(text, "whsec_[redacted]");
        text = Bearer().Replace(text, "Bearer [redacted]");
        return CredentialPart().Replace(text, match => match.Groups[1].Value + "=[redacted]");
    }

    public static object? Redact(object? value) => value is string text ? Redact(text) : value;

    [GeneratedRegex(@"(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])")]
    private static partial Regex CardShaped();

    // Portal credentials too: a sign-in link's token (pst_), a session cookie (psc_) and its CSRF token.
    [GeneratedRegex(@"\b((?:sk|pk|rk|pst|psc|csrf)_(?:test|live|admin)_)[A-Za-z0-9_]+")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"whsec_[A-Za-z0-9+/=]+")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex(@"Bearer\s+[^\s,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\b(AccountKey|SharedAccessKey|SharedAccessSignature|sig|client_secret|password)=[^;&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialPart();
}
