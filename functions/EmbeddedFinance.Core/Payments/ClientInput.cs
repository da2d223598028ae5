using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Risk;

namespace EmbeddedFinance.Core.Payments;

[Description("The card holder's client as the merchant saw it, for risk screening.")]
public sealed record ClientInput(
    [Description("The IP address (v4 or v6) of the card holder's browser or app; otherwise `400 parameter_invalid` (param `client.ip_address`)."), StringLength(45), Example("203.0.113.7")]
    string? IpAddress,
    [Description("The ISO 3166-1 alpha-2 country the card holder is in (e.g. from your front door's geolocation); two letters, otherwise `400 parameter_invalid` (param `client.country`)."), StringLength(2, MinimumLength = 2), Example("US")]
    string? Country)
{
    public static Result<ClientContext> Validate(ClientInput? input)
    {
        if (input is null) return ClientContext.Unknown;
        string? address = null;
        if (input.IpAddress is not null)
        {
            if (input.IpAddress.Length > 45 || !IPAddress.TryParse(input.IpAddress, out var parsed)) return Errors.ParameterInvalid("client.ip_address", "The client.ip_address must be an IPv4 or IPv6 address.");
            address = parsed.ToString();
        }
        string? country = null;
        if (input.Country is not null)
        {
            if (input.Country.Length != 2 || !input.Country.All(char.IsAsciiLetter)) return Errors.ParameterInvalid("client.country", "The client.country must be an ISO 3166-1 alpha-2 code such as 'US'.");
            country = input.Country.ToUpperInvariant();
        }
        return new ClientContext(address, country);
    }
}
