using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Api;

/// <summary>
/// A cursor page: objects in creation order (oldest first, since ids sort by time), <see cref="Limit"/> of them,
/// starting after the object <see cref="StartingAfter"/>. Stable under concurrent inserts.
/// </summary>
public sealed record PageRequest(int Limit, string? StartingAfter)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static Result<PageRequest> Parse(string? limit, string? startingAfter, string idPrefix)
    {
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            return Errors.ParameterInvalid("limit", $"The limit must be an integer from 1 to {MaxLimit}.");
        }
        if (!string.IsNullOrEmpty(startingAfter) && !PrefixedId.IsWellFormed(startingAfter, idPrefix))
        {
            return Errors.ParameterInvalid("starting_after", $"starting_after must be the id of an object of this list ({idPrefix}_…).");
        }
        return new PageRequest(size, string.IsNullOrEmpty(startingAfter) ? null : startingAfter);
    }
}

public sealed record Page<T>(IReadOnlyList<T> Data, bool HasMore);

public sealed record ListView<T>(
    [Description("The object's type: always `list`."), AllowedValues("list")]
    string Object,
    IReadOnlyList<T> Data,
    [Description("Whether more objects follow; fetch them with `starting_after` set to the last `id` of `data`.")]
    bool HasMore,
    [Description("The route of this list.")]
    string Url);
