using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary><c>individual</c> of <c>POST /v1/accounts</c> and <c>PATCH /v1/accounts/{id}</c>: members left out keep what was supplied before.</summary>
[Description("The person behind the account, for identity verification. Members left out keep what was supplied before; `address` is replaced as a whole. Sealed in the vault: responses show only the year of birth and `id_number_last4`.")]
public sealed partial record IndividualInput(
    [Description("Given name: 1–100 characters after trimming, no control characters."), StringLength(100, MinimumLength = 1), Example("Dana")]
    string? FirstName,
    [Description("Family name: 1–100 characters after trimming, no control characters."), StringLength(100, MinimumLength = 1), Example("Driver")]
    string? LastName,
    [Description("Date of birth: a real date in the past, at least 18 years ago, year 1900 or later.")]
    DateOfBirthInput? Dob,
    [Description("Postal address in the account's country: `line1`, `city` and `postal_code` always; `state` for US (two-letter state) and CA (province); US ZIP `12345` or `12345-6789`, CA `A1A 1A1`, GB postcodes.")]
    AddressInput? Address,
    [Description("US accounts only: the last four digits of the Social Security number (exactly four digits). Sandbox: `0000` verifies, `1111` fails with `id_number_mismatch`."), RegularExpression("^[0-9]{4}$"), Example("0000")]
    string? IdNumberLast4)
{
    private const string Param = "individual";

    public Result<Individual> Validate(DateOnly today)
    {
        var first = Name(FirstName, "first_name");
        if (!first.IsSuccess) return first.Error!;
        var last = Name(LastName, "last_name");
        if (!last.IsSuccess) return last.Error!;
        DateOnly? dob = null;
        if (Dob is not null)
        {
            var parsed = Dob.Validate(today);
            if (!parsed.IsSuccess) return parsed.Error!;
            dob = parsed.Value;
        }
        IndividualAddress? address = null;
        if (Address is not null)
        {
            var parsed = Address.Validate();
            if (!parsed.IsSuccess) return parsed.Error!;
            address = parsed.Value;
        }
        if (IdNumberLast4 is not null && !FourDigits().IsMatch(IdNumberLast4))
        {
            return Errors.ParameterInvalid($"{Param}.id_number_last4", "The id_number_last4 must be exactly four digits, such as '0000'.");
        }
        var individual = new Individual(first.Value, last.Value, dob, address, IdNumberLast4);
        return individual.Provided().Count == 0 ? Errors.InvalidRequest("Send at least one member of individual.", Param) : individual;
    }

    private static Result<string?> Name(string? value, string member)
    {
        if (value is null) return (string?)null;
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return Errors.ParameterInvalid($"{Param}.{member}", $"The {member} must not be blank.");
        if (trimmed.Length > 100 || trimmed.Any(char.IsControl)) return Errors.ParameterInvalid($"{Param}.{member}", $"The {member} must be at most 100 characters, without control characters.");
        return trimmed;
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();

    public override string ToString() => nameof(IndividualInput) + " { [redacted] }";
}

[Description("A date of birth as day, month and year.")]
public sealed record DateOfBirthInput(
    [Range(1, 31), Required, Example(17)] int? Day,
    [Range(1, 12), Required, Example(5)] int? Month,
    [Range(1900, 9999), Required, Example(1990)] int? Year)
{
    public const int MinimumAge = 18;
    private const string Param = "individual.dob";

    public Result<DateOnly> Validate(DateOnly today)
    {
        if (Day is null) return Errors.ParameterMissing($"{Param}.day");
        if (Month is null) return Errors.ParameterMissing($"{Param}.month");
        if (Year is null) return Errors.ParameterMissing($"{Param}.year");
        if (Year < 1900 || Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(Math.Clamp(Year.Value, 1, 9999), Month.Value))
        {
            return Errors.ParameterInvalid(Param, "The dob must be a real date, in 1900 or later.");
        }
        var dob = new DateOnly(Year.Value, Month.Value, Day.Value);
        if (dob >= today) return Errors.ParameterInvalid(Param, "The dob must be in the past.");
        if (dob > today.AddYears(-MinimumAge)) return Errors.ParameterInvalid(Param, $"The person must be at least {MinimumAge} years old.");
        return dob;
    }

    public override string ToString() => nameof(DateOfBirthInput) + " { [redacted] }";
}

[Description("A postal address; which members are required and their formats follow the account's country.")]
public sealed record AddressInput(
    [StringLength(200, MinimumLength = 1), Required, Example("1 Main Street")] string? Line1,
    [StringLength(200)] string? Line2,
    [StringLength(100, MinimumLength = 1), Required, Example("Springfield")] string? City,
    [Description("US: two-letter state code; CA: two-letter province code; elsewhere optional."), StringLength(100), Example("IL")] string? State,
    [StringLength(12, MinimumLength = 2), Required, Example("62701")] string? PostalCode)
{
    private const string Param = "individual.address";

    /// <summary>The shape every country shares; <see cref="AddressRules"/> checks the country's own rules once the account is known.</summary>
    public Result<IndividualAddress> Validate()
    {
        var line1 = Line1?.Trim();
        if (string.IsNullOrEmpty(line1)) return Errors.ParameterMissing($"{Param}.line1");
        var city = City?.Trim();
        if (string.IsNullOrEmpty(city)) return Errors.ParameterMissing($"{Param}.city");
        var postal = PostalCode?.Trim();
        if (string.IsNullOrEmpty(postal)) return Errors.ParameterMissing($"{Param}.postal_code");
        var line2 = string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim();
        var state = string.IsNullOrWhiteSpace(State) ? null : State.Trim();
        foreach (var (member, value, max) in new[] { ("line1", line1, 200), ("line2", line2, 200), ("city", city, 100), ("state", state, 100), ("postal_code", postal, 12) })
        {
            if (value is not null && (value.Length > max || value.Any(char.IsControl)))
            {
                return Errors.ParameterInvalid($"{Param}.{member}", $"The {member} must be at most {max} characters, without control characters.");
            }
        }
        return new IndividualAddress(line1, line2, city, state, postal);
    }

    public override string ToString() => nameof(AddressInput) + " { [redacted] }";
}
