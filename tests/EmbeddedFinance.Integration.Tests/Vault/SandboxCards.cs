namespace EmbeddedFinance.Integration.Tests.Vault;

/// <summary>The sandbox cards of API.md, and one of each other supported brand.</summary>
public static class SandboxCards
{
    public static TheoryData<string, string> WithBrands => new()
    {
        { "4242 4242 4242 4242", "visa" },
        { "5555 5555 5555 4444", "mastercard" },
        { "3782 822463 10005", "amex" },
        { "4000 0000 0000 0002", "visa" },
        { "4000 0000 0000 9995", "visa" },
        { "4000 0000 0000 0069", "visa" },
        { "2223003122003222", "mastercard" },
        { "6011111111111117", "discover" },
        { "30569309025904", "diners" },
        { "3566002020360505", "jcb" },
        { "6200000000000005", "unionpay" },
    };

    public static object Card(string number, int month = 12, int year = 2030, string? cvc = null) => new
    {
        card = new { number, exp_month = month, exp_year = year, cvc = cvc ?? (number.StartsWith('3') && number.Replace(" ", "").Length == 15 ? "1234" : "123") },
    };
}
