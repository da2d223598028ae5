using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace EmbeddedFinance.Functions.Web;

/// <summary>
/// A site's files, embedded in the app's assembly under a logical prefix (<c>portal/…</c>): served by one HTTP function,
/// so the development host and Azure serve the same bytes with no web server and no build step. Any site of the app
/// (the portal, a developer portal) is one <see cref="EmbeddedResource"/> glob in the project and one of these.
/// </summary>
public sealed class StaticSite
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json; charset=utf-8",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, StaticAsset> assets;

    public StaticSite(Assembly assembly, string prefix)
    {
        var found = new Dictionary<string, StaticAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = name[prefix.Length..];
            found[path] = new StaticAsset(path, content, ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"),
                "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"");
        }
        if (found.Count == 0) throw new InvalidOperationException($"No embedded resource starts with '{prefix}': the site's files are missing from the build.");
        assets = found.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<StaticAsset> All => assets.Values;

    /// <summary>The file at <paramref name="path"/> (relative, <c>/</c>-separated; empty for <c>index.html</c>), or null.</summary>
    public StaticAsset? Find(string? path) => assets.GetValueOrDefault(string.IsNullOrEmpty(path) ? "index.html" : path);
}

public sealed record StaticAsset(string Path, byte[] Content, string ContentType, string ETag);
