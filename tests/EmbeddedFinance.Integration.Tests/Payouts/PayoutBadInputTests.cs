using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Payouts;

/// <summary>Bad destinations and bad payouts are the right 4xx, name the field, and write nothing.</summary>
public sealed class PayoutBadInputTests : HostedTest
{
    private PaymentClient client = null!;

    protected override async Task ArrangeAsync()
    {
        client = new PaymentClient(Host, await Host.CreateMerchantAsync());
    }

    public static TheoryData<object, string, string> BadDestinations => new()
    {
        { new { type = "card", country = "US", currency = "usd" }, "parameter_invalid", "payout_destination.type" },
        { new { type = "bank_account", currency = "usd", routing_number = "110000000", account_number = "000123456789" }, "parameter_missing", "payout_destination.country" },
        { new { type = "bank_account", country = "US", routing_number = "110000000", account_number = "000123456789" }, "parameter_missing", "payout_destination.currency" },
        { new { type = "bank_account", country = "US", currency = "xyz", routing_number = "110000000", account_number = "000123456789" }, "currency_unsupported", "payout_destination.currency" },
        { new { type = "bank_account", country = "US", currency = "usd", routing_number = "110000001", account_number = "000123456789" }, "parameter_invalid", "payout_destination.routing_number" },
        { new { type = "bank_account", country = "US", currency = "usd", routing_number = "11000000", account_number = "000123456789" }, "parameter_invalid", "payout_destination.routing_number" },
        { new { type = "bank_account", country = "US", currency = "usd", account_number = "000123456789" }, "parameter_missing", "payout_destination.routing_number" },
        { new { type = "bank_account", country = "US", currency = "usd", routing_number = "110000000", account_number = "12a45" }, "parameter_invalid", "payout_destination.account_number" },
        { new { type = "bank_account", country = "US", currency = "usd", routing_number = "110000000", account_number = "123" }, "parameter_invalid", "payout_destination.account_number" },
        { new { type = "bank_account", country = "US", currency = "usd", iban = "GB82WEST12345698765432" }, "parameter_invalid", "payout_destination.iban" },
        { new { type = "bank_account", country = "GB", currency = "gbp", iban = "GB82WEST12345698765433" }, "parameter_invalid", "payout_destination.iban" },
        { new { type = "bank_account", country = "DE", currency = "eur", iban = "GB82WEST12345698765432" }, "parameter_invalid", "payout_destination.iban" },
        { new { type = "bank_account", country = "GB", currency = "gbp" }, "parameter_missing", "payout_destination.iban" },
        { new { type = "bank_account", country = "GB", currency = "gbp", routing_number = "110000000", account_number = "000123456789" }, "parameter_invalid", "payout_destination.iban" },
    };

    [Theory]
    [MemberData(nameof(BadDestinations))]
    public async Task A_bad_payout_destination_is_refused_with_its_field_and_no_account_is_created(object destination, string code, string param)
    {
        var response = await Host.SendAsync(HttpMethod.Post, "v1/accounts", client.Merchant.SecretKey,
            new { display_name = "Driver", email = "driver@example.com", country = "US", default_currency = "usd", payout_destination = destination });
        var problem = await Problem.AssertAsync(response, 400, code, param);
        // The number typed is never echoed back.
        Assert.DoesNotContain("000123456789", problem.ToString());
        Assert.Equal(0, await Host.CountRowsAsync("account"));
    }

    [Fact]
    public async Task Valid_destinations_show_only_their_last_four()
    {
        var us = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/accounts", client.Merchant.SecretKey,
            new { display_name = "Driver", email = "driver@example.com", country = "US", default_currency = "usd", payout_destination = new { type = "bank_account", country = "US", currency = "usd", routing_number = "021000021", account_number = "000123456789", account_holder_name = "Dee Driver" } }), HttpStatusCode.Created);
        var gb = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/accounts", client.Merchant.SecretKey,
            new { display_name = "Seller", email = "seller@example.com", country = "GB", default_currency = "gbp", payout_destination = new { type = "bank_account", country = "GB", currency = "gbp", iban = "GB82 WEST 1234 5698 7654 32" } }), HttpStatusCode.Created);

        Assert.Equal("6789", us.GetProperty("payout_destination").GetProperty("last4").GetString());
        Assert.Equal("5432", gb.GetProperty("payout_destination").GetProperty("last4").GetString());
        var text = us.ToString() + gb.ToString();
        Assert.DoesNotContain("000123456789", text);
        Assert.DoesNotContain("021000021", text);
        Assert.DoesNotContain("98765432", text);
        foreach (var row in await Host.DumpTablesAsync())
        {
            Assert.DoesNotContain("000123456789", row);
            Assert.DoesNotContain("GB82WEST12345698765432", row);
        }
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains("000123456789", StringComparison.Ordinal) || line.Contains("GB82WEST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_payouts_are_the_right_4xx_and_write_nothing()
    {
        var driver = await client.AccountAsync("Driver", PaymentClient.UsBank());
        var noDestination = await client.AccountAsync("No bank");
        var other = new PaymentClient(Host, await Host.CreateMerchantAsync("Other Co"));
        var foreign = await other.AccountAsync("Theirs", PaymentClient.UsBank());
        var payoutRowsBefore = await Host.CountRowsAsync("payout");
        var ledgerRowsBefore = await Host.CountRowsAsync("ledger");

        async Task Expect(object body, int status, string code, string param) =>
            await Problem.AssertAsync(await client.PostAsync("v1/payouts", body, Guid.NewGuid().ToString()), status, code, param);

        await Expect(new { account = driver, amount = 0, currency = "usd" }, 400, "amount_invalid", "amount");
        await Expect(new { account = driver, amount = -100, currency = "usd" }, 400, "amount_invalid", "amount");
        await Expect(new { account = driver, currency = "usd" }, 400, "parameter_missing", "amount");
        await Expect(new { account = driver, amount = 100 }, 400, "parameter_missing", "currency");
        await Expect(new { account = driver, amount = 100, currency = "eur" }, 400, "parameter_invalid", "currency");
        await Expect(new { account = driver, amount = 100, currency = "usd", method = "overnight" }, 400, "parameter_invalid", "method");
        await Expect(new { amount = 100, currency = "usd" }, 400, "parameter_missing", "account");
        await Expect(new { account = foreign, amount = 100, currency = "usd" }, 404, "resource_missing", "account");
        await Expect(new { account = "acct_doesnotexist000000000000", amount = 100, currency = "usd" }, 404, "resource_missing", "account");
        await Expect(new { account = noDestination, amount = 100, currency = "usd" }, 400, "invalid_request", "account");
        await Expect(new { account = driver, amount = 100, currency = "usd" }, 402, "balance_insufficient", "amount");
        await Problem.AssertAsync(await client.PostAsync("v1/payouts", new { account = driver, amount = 100, currency = "usd" }), 400, "parameter_missing", "Idempotency-Key");
        await Problem.AssertAsync(await client.GetAsync("v1/payouts?account=nope"), 400, "parameter_invalid", "account");
        await Problem.AssertAsync(await other.GetAsync("v1/payouts/po_doesnotexist0000000000000"), 404, "resource_missing", "id");

        Assert.Equal(payoutRowsBefore, await Host.CountRowsAsync("payout"));
        Assert.Equal(ledgerRowsBefore, await Host.CountRowsAsync("ledger"));
        Assert.Equal(0, await client.BalanceAsync(driver, "available"));
    }
}
