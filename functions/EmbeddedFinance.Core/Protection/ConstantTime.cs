using System.Security.Cryptography;
using System.Text;

namespace EmbeddedFinance.Core.Protection;

/// <summary>Comparisons of secrets' digests that take the same time wherever they differ, so timing reveals no prefix.</summary>
public static class ConstantTime
{
    public static bool AreEqual(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
