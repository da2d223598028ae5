using System.Text.RegularExpressions;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>The address and id-number rules of the account's country, checked once the account (and so its country) is known.</summary>
public static partial class AddressRules
{
    private const string Param = "individual.address";

    private static readonly HashSet<string> UsStates =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS",
        "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
    ];

    private static readonly HashSet<string> CaProvinces = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

    /// <summary>Null when <paramref name="individual"/> suits an account of <paramref name="country"/>; otherwise the 400.</summary>
    public static ApiError? Check(Individual individual, Country country)
    {
        if (individual.IdNumberLast4 is not null && country.Code != "US")
        {
            return Errors.ParameterInvalid("individual.id_number_last4", "The id_number_last4 is only collected for US accounts.");
        }
        return individual.Address is { } address ? CheckAddress(address, country) : null;
    }

    private static ApiError? CheckAddress(IndividualAddress address, Country country) => country.Code switch
    {
        "US" when address.State is null || !UsStates.Contains(address.State) => Errors.ParameterInvalid($"{Param}.state", "A US address needs a two-letter state code in upper case, such as 'IL'."),
        "US" when !UsZip().IsMatch(address.PostalCode) => Errors.ParameterInvalid($"{Param}.postal_code", "A US postal_code is a ZIP code: '12345' or '12345-6789'."),
        "CA" when address.State is null || !CaProvinces.Contains(address.State) => Errors.ParameterInvalid($"{Param}.state", "A Canadian address needs a two-letter province code in upper case, such as 'ON'."),
        "CA" when !CaPostal().IsMatch(address.PostalCode) => Errors.ParameterInvalid($"{Param}.postal_code", "A Canadian postal_code looks like 'K1A 0B1'."),
        "GB" when !GbPostcode().IsMatch(address.PostalCode) => Errors.ParameterInvalid($"{Param}.postal_code", "A UK postal_code is a postcode such as 'SW1A 1AA'."),
        _ when !AnyPostal().IsMatch(address.PostalCode) => Errors.ParameterInvalid($"{Param}.postal_code", "The postal_code may hold letters, digits, spaces and dashes only."),
        _ => null,
    };

    [GeneratedRegex("^[0-9]{5}(-[0-9]{4})?$")]
    private static partial Regex UsZip();

    [GeneratedRegex("^[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$")]
    private static partial Regex CaPostal();

    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
    private static partial Regex GbPostcode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$")]
    private static partial Regex AnyPostal();
}
