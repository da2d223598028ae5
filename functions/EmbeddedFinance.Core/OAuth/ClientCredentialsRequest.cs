using System.Text;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// A token request (RFC 6749 §4.4.2) as parsed from the form and the Authorization header: the client's credentials
/// (HTTP Basic, §2.3.1, or <c>client_id</c>/<c>client_secret</c> in the form, never both) and the scopes asked for
/// (null: every scope of the client).
/// </summary>
public sealed record ClientCredentialsRequest(string ClientId, Sensitive ClientSecret, IReadOnlyList<string>? Scopes)
{
    public const string GrantType = "client_credentials";
    private const int MaxClientIdLength = 64;
    private const int MaxSecretLength = 256;

    /// <summary>The request, or the RFC 6749 §5.2 error that refuses it.</summary>
    public static (ClientCredentialsRequest? Request, TokenError? Error) Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> form, string? authorization)
    {
        // §3.2: parameters must not be repeated.
        if (form.FirstOrDefault(parameter => parameter.Value.Count > 1) is { Key: { } repeated }) return Refuse(TokenError.InvalidRequest($"The parameter '{Shown(repeated)}' is sent more than once."));
        var grantType = Single(form, "grant_type");
        if (string.IsNullOrEmpty(grantType)) return Refuse(TokenError.InvalidRequest("grant_type is missing; send grant_type=client_credentials."));
        if (grantType != GrantType) return Refuse(TokenError.UnsupportedGrantType($"Only the client_credentials grant is supported, not '{Shown(grantType)}'."));

        var credentials = Credentials(form, authorization);
        if (credentials.Error is { } unauthenticated) return Refuse(unauthenticated);
        var (clientId, secret) = credentials.Value;

        IReadOnlyList<string>? scopes = null;
        if (form.ContainsKey("scope"))
        {
            scopes = OAuthScopes.Split(Single(form, "scope") ?? "");
            if (scopes.Count == 0) return Refuse(TokenError.InvalidScope("scope is empty; leave it out to get every scope of the client, or name scopes such as payments:write."));
            if (scopes.FirstOrDefault(scope => !OAuthScopes.TryParse(scope, out _)) is { } unknown)
            {
                return Refuse(TokenError.InvalidScope($"'{Shown(unknown)}' is not a scope; scopes are <resource>:read or <resource>:write."));
            }
        }
        return (new ClientCredentialsRequest(clientId, new Sensitive(secret), scopes), null);
    }

    private static ((string ClientId, string Secret) Value, TokenError? Error) Credentials(IReadOnlyDictionary<string, IReadOnlyList<string>> form, string? authorization)
    {
        var formId = Single(form, "client_id");
        var formSecret = Single(form, "client_secret");
        if (!string.IsNullOrEmpty(authorization))
        {
            if (formSecret is not null) return (default, TokenError.InvalidRequest("Send the client's credentials once: in the Authorization header or in the form, not both."));
            if (!TryBasic(authorization, out var basicId, out var basicSecret)) return (default, TokenError.InvalidClient("The Authorization header must be HTTP Basic with the client id and secret."));
            if (formId is not null && formId != basicId) return (default, TokenError.InvalidRequest("client_id in the form differs from the one in the Authorization header."));
            return Checked(basicId, basicSecret);
        }
        if (string.IsNullOrEmpty(formId) || string.IsNullOrEmpty(formSecret)) return (default, TokenError.InvalidClient("Authenticate the client: HTTP Basic, or client_id and client_secret in the form."));
        return Checked(formId, formSecret);
    }

    private static ((string, string) Value, TokenError? Error) Checked(string clientId, string secret) =>
        clientId.Length is 0 or > MaxClientIdLength || secret.Length is 0 or > MaxSecretLength
            ? (default, TokenError.InvalidClient("Client authentication failed."))
            : ((clientId, secret), null);

    /// <summary>RFC 6749 §2.3.1: base64 of the form-encoded id, a colon, the form-encoded secret.</summary>
    private static bool TryBasic(string authorization, out string clientId, out string secret)
    {
        clientId = secret = "";
        const string scheme = "Basic ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        clientId = FormDecode(decoded[..colon]);
        secret = FormDecode(decoded[(colon + 1)..]);
        return true;
    }

    private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string? Single(IReadOnlyDictionary<string, IReadOnlyList<string>> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A value echoed in an error, cut short and without control characters; never a secret (only names, grant types and scopes are shown).</summary>
    private static string Shown(string value) => new(value.Take(40).Where(character => !char.IsControl(character)).ToArray());

    private static (ClientCredentialsRequest?, TokenError?) Refuse(TokenError error) => (null, error);

    public override string ToString() => $"{nameof(ClientCredentialsRequest)} {{ {ClientId} }}";
}
