using System.Collections.Frozen;

namespace EmbeddedFinance.Core.Access;

/// <summary>
/// A restricted key's rights: a level per resource. Write implies read; a resource it does not name is
/// <see cref="AccessLevel.None"/>, so a resource added later is closed to every existing key.
/// </summary>
public sealed class KeyPermissions
{
    private readonly FrozenDictionary<string, AccessLevel> levels;

    public KeyPermissions(IEnumerable<KeyValuePair<string, AccessLevel>> levels)
    {
        var named = levels.ToList();
        if (named.FirstOrDefault(pair => !ApiResources.IsKnown(pair.Key)) is { Key: { } unknown }) throw new ArgumentException($"'{unknown}' is not a resource a key can be given.", nameof(levels));
        this.levels = named.Where(pair => pair.Value != AccessLevel.None).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static KeyPermissions None { get; } = new([]);

    public AccessLevel LevelOf(string resource) => levels.GetValueOrDefault(resource, AccessLevel.None);

    public bool Grants(Permission needed) => LevelOf(needed.Resource) >= needed.Level;

    /// <summary>Every resource with its level, in <see cref="ApiResources.All"/> order: what the API shows.</summary>
    public IReadOnlyDictionary<string, string> Describe() =>
        ApiResources.All.ToDictionary(resource => resource, resource => Name(LevelOf(resource)), StringComparer.Ordinal);

    /// <summary>The stored form, e.g. <c>payments=write ledger=read</c>.</summary>
    public string Encode() => string.Join(' ', ApiResources.All.Where(levels.ContainsKey).Select(resource => $"{resource}={Name(levels[resource])}"));

    public static KeyPermissions Decode(string encoded) => new(encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(pair => KeyValuePair.Create(pair[0], TryParseLevel(pair[1], out var level) ? level : AccessLevel.None)));

    public static bool TryParseLevel(string? text, out AccessLevel level)
    {
        (var known, level) = text switch
        {
            "write" => (true, AccessLevel.Write),
            "read" => (true, AccessLevel.Read),
            "none" => (true, AccessLevel.None),
            _ => (false, AccessLevel.None),
        };
        return known;
    }

    private static string Name(AccessLevel level) => level switch
    {
        AccessLevel.Write => "write",
        AccessLevel.Read => "read",
        _ => "none",
    };
}
