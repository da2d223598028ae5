using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>The identity fields an individual account supplies, by their API names, and which a country requires.</summary>
public static class IdentityFields
{
    public const string FirstName = "individual.first_name";
    public const string LastName = "individual.last_name";
    public const string Dob = "individual.dob";
    public const string Address = "individual.address";
    public const string IdNumberLast4 = "individual.id_number_last4";

    /// <summary>The fields due before payouts are enabled, in the order the API lists them.</summary>
    public static IReadOnlyList<string> RequiredFor(Country country) =>
        country.Code == "US" ? [FirstName, LastName, Dob, Address, IdNumberLast4] : [FirstName, LastName, Dob, Address];
}
