using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Onboarding;

/// <summary>
/// Identity stays in the vault (ADR 026): after accounts supply identity, verify, fail and are reviewed, no table row,
/// queue message, log line or webhook holds a date of birth (in any usual rendering), a name or a street supplied.
/// Only the last four of the id number are ever collected, and responses show only them and the year of birth.
/// </summary>
public sealed partial class NoIdentityAnywhereTests : HostedTest
{
    private const string First = "Zelphine";
    private const string Last = "Quarrington";
    private const string Street = "77 Wisteria Lane";

    protected override bool UsesWebhookReceiver => true;

    [Fact]
    public async Task After_verifying_failing_and_reviewing_no_stored_logged_queued_or_delivered_text_holds_a_date_of_birth_or_name()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        await PaymentClient.ExpectAsync(await client.PostAsync("v1/webhook_endpoints", new { url = Receiver.Url("kyc"), enabled_events = new[] { "*" } }), HttpStatusCode.Created);
        var outcomes = new[] { ("0000", 1987), ("1111", 1987), ("0000", 1900) };
        var accounts = new List<string>();
        foreach (var (last4, year) in outcomes)
        {
            var account = await client.AccountAsync("Driver");
            var dob = year == 1900 ? new { day = 1, month = 1, year } : new { day = 29, month = 3, year };
            var individual = new { first_name = First, last_name = Last, dob, address = new { line1 = Street, city = "Springfield", state = "IL", postal_code = "62701" }, id_number_last4 = last4 };
            var shown = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Patch, $"v1/accounts/{account}", client.Merchant.SecretKey, new { individual }, Guid.NewGuid().ToString()), HttpStatusCode.OK);
            Assert.DoesNotContain(First, shown.GetRawText(), StringComparison.Ordinal);
            accounts.Add(account);
        }
        await Eventually.HoldsAsync(async () => await Host.CountEventsAsync($"{client.Merchant.Id}:test", "account.verified") == 1, "the first verified");
        await Eventually.HoldsAsync(() => Receiver.On("kyc").Any(webhook => webhook.Type == "account.verified"), "account.verified delivered");
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "every webhook delivered");

        var places = new List<(string Where, string Text)>();
        places.AddRange((await Host.DumpTablesAsync()).Select(row => ("table", row)));
        places.AddRange(Host.Logs.Lines.Select(line => ("log", line)));
        places.AddRange((await AllQueueMessagesAsync(Host.ConnectionString)).Select(message => ("queue", message)));
        places.AddRange(Receiver.All.Select(webhook => ("webhook", webhook.Body)));

        Assert.Contains(places, place => place.Where == "table" && place.Text.Contains("IdentityCiphertext", StringComparison.Ordinal));
        Assert.Contains(places, place => place.Where == "webhook" && place.Text.Contains("\"dob_year\":1987", StringComparison.Ordinal));
        var leaks = places.Where(place => Leaks(place.Text)).Select(place => $"{place.Where}: {place.Text[..Math.Min(200, place.Text.Length)]}").ToList();
        Assert.Empty(leaks);
    }

    private static bool Leaks(string text) =>
        text.Contains(First, StringComparison.OrdinalIgnoreCase) || text.Contains(Last, StringComparison.OrdinalIgnoreCase) || text.Contains("Wisteria", StringComparison.OrdinalIgnoreCase)
        || DateOfBirth().IsMatch(text) || DobMembers().IsMatch(text);

    // 1987-03-29, 1987/3/29, 03/29/1987, 29.03.1987, 19870329 and the like.
    [GeneratedRegex(@"1987[-/. ]?0?3[-/. ]?29|0?3[-/. ]29[-/. ]1987|29[-/. ]0?3[-/. ]1987|1900[-/. ]?0?1[-/. ]?0?1(?!\d)")]
    private static partial Regex DateOfBirth();

    // The request's own shape: {"day":29,"month":3,...}.
    [GeneratedRegex("\"day\"\\s*:\\s*29\\s*,\\s*\"month\"\\s*:\\s*3")]
    private static partial Regex DobMembers();

    private static async Task<List<string>> AllQueueMessagesAsync(string connectionString)
    {
        var service = new QueueServiceClient(connectionString);
        var messages = new List<string>();
        await foreach (var queue in service.GetQueuesAsync())
        {
            foreach (var message in (await service.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                messages.Add(message.MessageText);
                try
                {
                    messages.Add(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
                }
                catch (FormatException)
                {
                }
            }
        }
        return messages;
    }
}
