using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Functions.Portal;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Vault;

/// <summary>Invariant 6: after tokenizing, no table, queue message or log line holds anything that could be a card number.</summary>
public sealed partial class NoCardNumberAnywhereTests
{
    [Fact]
    public async Task After_tokenizing_every_sandbox_card_no_stored_or_logged_text_holds_a_luhn_valid_13_to_19_digit_number()
    {
        await using var host = await TestHost.StartAsync();
        var merchant = await host.CreateMerchantAsync();
        foreach (var number in SandboxCards.WithBrands.Select(row => (string)row[0]))
        {
            var key = Guid.NewGuid().ToString();
            using (await host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, SandboxCards.Card(number), key)) { }
            using (await host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, SandboxCards.Card(number), key)) { }
            using (await host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.SecretKey, SandboxCards.Card(number, year: 2001), Guid.NewGuid().ToString())) { }
            using (await host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.SecretKey, SandboxCards.Card(number, cvc: "1"), Guid.NewGuid().ToString())) { }
        }

        var places = new List<(string Where, string Text)>();
        places.AddRange((await host.DumpTablesAsync()).Select(row => ("table", row)));
        places.AddRange(host.Logs.Lines.Select(line => ("log", line)));
        places.AddRange((await AllQueueMessagesAsync(host.ConnectionString)).Select(message => ("queue", message)));

        Assert.Contains(places, place => place.Where == "table" && place.Text.Contains("RowKey=token|", StringComparison.Ordinal));
        var leaks = places.SelectMany(place => CardNumberCandidates(place.Text).Select(candidate => $"{place.Where}: …{candidate[^4..]}")).ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task No_page_or_asset_of_the_portal_as_served_holds_a_luhn_valid_13_to_19_digit_number()
    {
        await using var host = await TestHost.StartAsync();
        var served = new List<(string Where, string Text)>();
        foreach (var asset in PortalFunction.Site.All)
        {
            using var response = await host.Client.GetAsync("portal/" + asset.Path);
            response.EnsureSuccessStatusCode();
            served.Add((asset.Path, await response.Content.ReadAsStringAsync()));
        }
        foreach (var page in new[] { "portal/", "portal/sign-in?token=pst_test_madeup", "portal/no-such-page" })
        {
            using var response = await host.Client.GetAsync(page);
            served.Add((page, await response.Content.ReadAsStringAsync()));
        }

        Assert.Contains(served, place => place.Where == "app.js" && place.Text.Contains("/v1/", StringComparison.Ordinal) || place.Text.Contains("../v1/", StringComparison.Ordinal));
        Assert.Empty(served.SelectMany(place => CardNumberCandidates(place.Text).Select(candidate => $"{place.Where}: …{candidate[^4..]}")));
    }

    private static IEnumerable<string> CardNumberCandidates(string text) =>
        DigitRun().Matches(text)
            .Select(match => match.Value.Replace(" ", "").Replace("-", ""))
            .Where(digits => digits.Length is >= 13 and <= 19 && Luhn.IsValid(digits));

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

    // Runs of digits, allowing the single spaces or dashes people and card forms put between groups.
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")]
    private static partial Regex DigitRun();
}
