namespace EmbeddedFinance.Scenario;

/// <summary>
/// The riders' cards: each rider pays with a card of their own, as on a real ride-sharing app. One card paying every
/// ride would look like card testing to risk screening (more than 20 payments a minute on one card is held for review).
/// </summary>
public static class RiderCards
{
    public const int Riders = 25;

    /// <summary>A Luhn-valid Visa test number, 4111 1111 1111 nnn + check digit, outside the sandbox's special cards.</summary>
    public static string For(int rider)
    {
        var body = $"411111111111{rider % Riders + 100:D3}";
        return body + CheckDigit(body);
    }

    private static int CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            // The check digit will sit to the right, so the body's last digit is the first one doubled.
            if (i % 2 == 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
