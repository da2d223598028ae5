using System.Security.Cryptography;
using System.Text;

namespace EmbeddedFinance.Core.Common;

public static class Sha256
{
    public static string Hex(string text) => Hex(Encoding.UTF8.GetBytes(text));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
