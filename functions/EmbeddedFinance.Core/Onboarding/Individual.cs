namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// What an account has supplied about the person behind it, in the clear: only ever between validation and the
/// sealer, or between the vault and the verifier. Never logged (<see cref="ToString"/> is redacted), never in a
/// response, an event or a queue message.
/// </summary>
public sealed record Individual(string? FirstName, string? LastName, DateOnly? Dob, IndividualAddress? Address, string? IdNumberLast4)
{
    public static readonly Individual None = new(null, null, null, null, null);

    /// <summary>The API names of the fields present.</summary>
    public IReadOnlyList<string> Provided() =>
    [
        .. FirstName is null ? Array.Empty<string>() : [IdentityFields.FirstName],
        .. LastName is null ? Array.Empty<string>() : [IdentityFields.LastName],
        .. Dob is null ? Array.Empty<string>() : [IdentityFields.Dob],
        .. Address is null ? Array.Empty<string>() : [IdentityFields.Address],
        .. IdNumberLast4 is null ? Array.Empty<string>() : [IdentityFields.IdNumberLast4],
    ];

    /// <summary>This draft with the members <paramref name="update"/> carries replaced (an address as a whole).</summary>
    public Individual With(Individual update) => new(
        update.FirstName ?? FirstName, update.LastName ?? LastName, update.Dob ?? Dob, update.Address ?? Address, update.IdNumberLast4 ?? IdNumberLast4);

    public override string ToString() => nameof(Individual) + " { [redacted] }";
}

/// <summary>A postal address, validated for the account's country.</summary>
public sealed record IndividualAddress(string Line1, string? Line2, string City, string? State, string PostalCode)
{
    public override string ToString() => nameof(IndividualAddress) + " { [redacted] }";
}
