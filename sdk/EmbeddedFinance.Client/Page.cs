namespace EmbeddedFinance.Client;

/// <summary>One page of a list: <c>{object: "list", data, has_more, url}</c>.</summary>
/// <typeparam name="T">The listed resource.</typeparam>
public sealed record Page<T>
{
    /// <summary>The items of this page, oldest first.</summary>
    public IReadOnlyList<T> Data { get; init; } = [];

    /// <summary>Whether more items follow the last one of this page.</summary>
    public bool HasMore { get; init; }

    /// <summary>The list's route.</summary>
    public string? Url { get; init; }
}

/// <summary>Paging of a list call.</summary>
public sealed record ListOptions
{
    /// <summary>Items per page, 1–100 (the API's default is 10).</summary>
    public int? Limit { get; init; }

    /// <summary>The id after which the page starts (a cursor: the last id of the previous page).</summary>
    public string? StartingAfter { get; init; }
}

/// <summary>A resource with an id, which list cursors follow.</summary>
public interface IHasId
{
    /// <summary>The resource's prefixed id.</summary>
    string Id { get; }
}
