namespace EmbeddedFinance.Core.Access;

/// <summary>What a route needs from a restricted key, written <c>resource:read</c> or <c>resource:write</c>.</summary>
public sealed record Permission
{
    private Permission(string resource, AccessLevel level)
    {
        Resource = resource;
        Level = level;
    }

    public string Resource { get; }

    public AccessLevel Level { get; }

    public static Permission Read(string resource) => Of(resource, AccessLevel.Read);

    public static Permission Write(string resource) => Of(resource, AccessLevel.Write);

    private static Permission Of(string resource, AccessLevel level) =>
        ApiResources.IsKnown(resource) ? new Permission(resource, level) : throw new ArgumentException($"'{resource}' is not a resource a key can be given.", nameof(resource));

    public override string ToString() => $"{Resource}:{(Level == AccessLevel.Write ? "write" : "read")}";
}
