using System.Net;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using OpenQA.Selenium;

namespace EmbeddedFinance.Integration.Tests.Portal;

/// <summary>
/// The portal in a real browser (headless Chromium, one per class) against the development host over real sockets: a
/// person signs in through a portal session's URL and does what the "Done when" lists. Each page's screenshot
/// lands in docs/portal/ (linked from the README).
/// </summary>
public sealed class PortalBrowserTests(Chromium browser) : HostedTest, IClassFixture<Chromium>
{
    private volatile bool receiverDown;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // One retry a second later, then failed for good: a receiver's outage is over in a couple of seconds.
        ["Webhooks:RetrySchedule"] = "00:00:01",
        ["Webhooks:Timeout"] = "00:00:05",
    };

    protected override Task ArrangeAsync()
    {
        browser.ClearCookies();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_person_signs_in_through_a_session_url_sees_a_payment_made_through_the_api_and_follows_it_to_its_ledger_postings()
    {
        var merchant = await Host.CreateMerchantAsync();
        var payments = new PaymentClient(Host, merchant);
        var driver = await payments.AccountAsync("Dana Driver");
        var payment = await payments.PayAsync(await payments.TokenAsync(), amount: 2_000, fee: 300, splits: [new { account = driver, amount = 1_700 }]);
        var paymentId = payment.GetProperty("id").GetString()!;

        browser.Open((await new PortalClient(Host).CreateAsync(merchant.SecretKey)).Url);
        browser.WaitForHeading("Overview");
        Assert.Contains("Payments today", browser.MainText);
        browser.ReloadUntil("$17.00"); // the driver's pending share, once settlement has posted it
        browser.Screenshot("overview");

        browser.Find(By.LinkText("Payments")).Click();
        browser.WaitForHeading("Payments");
        var row = browser.Find(By.LinkText(paymentId));
        Assert.Contains("$20.00", browser.MainText);
        browser.Screenshot("payments");

        row.Click();
        browser.WaitForHeading("Payment $20.00");
        browser.Find(By.Id("ledger"));
        var text = browser.MainText;
        Assert.Contains("visa ····4242", text);
        Assert.Contains(payment.GetProperty("card").GetProperty("fingerprint").GetString()!, text);
        Assert.Contains("payment.capture", text);
        Assert.Contains($"{driver}:pending", text);
        Assert.Contains("clearing", text);
        Assert.Contains("-$20.00", text);
        Assert.DoesNotContain("4242424242424242", browser.Driver.PageSource);
        browser.ReloadUntil("payment.succeeded");
        browser.Screenshot("payment");

        browser.Find(By.LinkText(driver)).Click();
        browser.WaitForHeading("Dana Driver");
        browser.Screenshot("account");
        browser.Find(By.LinkText("Connected accounts")).Click();
        browser.WaitForHeading("Connected accounts");
        browser.Screenshot("accounts");
        browser.Find(By.LinkText("Payouts")).Click();
        browser.WaitForHeading("Payouts");
        browser.Screenshot("payouts");
    }

    [Fact]
    public async Task A_person_creates_an_endpoint_sees_its_failed_attempt_and_after_the_receiver_is_fixed_recovers_it_and_sees_it_succeed()
    {
        var merchant = await Host.CreateMerchantAsync();
        var payments = new PaymentClient(Host, merchant);
        receiverDown = true;
        var url = Receiver.Url("portal", (_, _) => Task.FromResult(receiverDown ? 503 : 200));

        browser.Open((await new PortalClient(Host).CreateAsync(merchant.SecretKey)).Url);
        browser.WaitForHeading("Overview");
        browser.Find(By.LinkText("Webhooks")).Click();
        browser.WaitForHeading("Webhooks");
        browser.Find(By.Name("url")).SendKeys(url);
        var events = browser.Find(By.Name("enabled_events"));
        events.Clear();
        events.SendKeys("account.created");
        browser.Find(By.CssSelector("form.inline button[type=submit]")).Click();
        var created = browser.Find(By.CssSelector(".notice-box code.secret"));
        Assert.StartsWith("whsec_", created.Text);
        var endpointId = browser.Find(By.PartialLinkText("we_")).Text;
        browser.Screenshot("webhooks");

        var account = await payments.AccountAsync("Ana");
        var eventId = await new WebhookClient(Host, merchant.SecretKey).EventIdAsync("account.created", account);
        browser.Open(new Uri(Host.Client.BaseAddress!, $"portal/#/events/{eventId}").ToString());
        browser.WaitForHeading("Event account.created");
        browser.ReloadUntil("failed");
        Assert.Contains("503", browser.MainText);
        browser.Screenshot("event-failed");

        receiverDown = false;
        browser.Open(new Uri(Host.Client.BaseAddress!, $"portal/#/webhooks/{endpointId}").ToString());
        browser.WaitForHeading("Webhook endpoint");
        var since = browser.Find(By.Name("since"));
        // A minute before the event: the picker holds local time, as a person would pick it.
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript(
            "const d = new Date(Date.now() - 60000); const p = (n) => String(n).padStart(2, '0');" +
            "arguments[0].value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());", since);
        browser.Find(By.XPath("//button[text()='Recover failed']")).Click();
        browser.Find(By.XPath("//*[contains(@class,'notice-box') and contains(., '1 failed event(s) queued')]"));
        browser.Screenshot("webhook-endpoint");

        browser.Open(new Uri(Host.Client.BaseAddress!, $"portal/#/events/{eventId}").ToString());
        browser.WaitForHeading("Event account.created");
        browser.ReloadUntil("succeeded");
        Assert.Contains("manual 1", browser.MainText);
        browser.Screenshot("event-recovered");
        Assert.Equal(eventId, Receiver.On("portal").Last().WebhookId);

        browser.Find(By.LinkText("Events")).Click();
        browser.WaitForHeading("Events");
        browser.Screenshot("events");
    }

    [Fact]
    public async Task An_expired_url_and_a_reused_url_show_a_page_saying_so_and_no_data_and_an_embedded_session_shows_only_webhooks()
    {
        var merchant = await Host.CreateMerchantAsync();
        var payments = new PaymentClient(Host, merchant);
        var paymentId = (await payments.PayAsync(await payments.TokenAsync())).GetProperty("id").GetString()!;
        var portal = new PortalClient(Host);

        var used = await portal.CreateAsync(merchant.SecretKey);
        using (await PortalClient.OpenAsync(used.Url)) { }
        browser.Open(used.Url);
        browser.WaitForHeading("This link was already used");
        Assert.DoesNotContain(paymentId, browser.Driver.PageSource);
        Assert.Empty(browser.Driver.Manage().Cookies.AllCookies);
        browser.Screenshot("link-used");

        var expired = await portal.CreateAsync(merchant.SecretKey);
        await portal.ExpireAsync(expired);
        browser.Open(expired.Url);
        browser.WaitForHeading("This link has expired");
        Assert.DoesNotContain(paymentId, browser.Driver.PageSource);
        Assert.Empty(browser.Driver.Manage().Cookies.AllCookies);
        // Without a session the portal's pages hold nothing either: their data comes from the API, which refuses.
        browser.Open(new Uri(Host.Client.BaseAddress!, $"portal/#/payments/{paymentId}").ToString());
        browser.WaitForHeading("Signed out");
        Assert.DoesNotContain(paymentId, browser.MainText);
        browser.Screenshot("link-expired");

        browser.Open((await portal.CreateAsync(merchant.SecretKey, new { embed = true })).Url);
        browser.WaitForHeading("Webhooks");
        Assert.Equal(["Webhooks", "Events"], browser.Driver.FindElements(By.CssSelector("#nav a")).Select(link => link.Text));
        browser.Screenshot("embedded");
    }

    [Fact]
    public async Task One_merchants_cookie_never_shows_another_merchants_objects()
    {
        var merchant = await Host.CreateMerchantAsync();
        var other = await Host.CreateMerchantAsync("Other Co");
        var theirs = new PaymentClient(Host, other);
        var theirPayment = (await theirs.PayAsync(await theirs.TokenAsync(), amount: 7_777)).GetProperty("id").GetString()!;

        browser.Open((await new PortalClient(Host).CreateAsync(merchant.SecretKey)).Url);
        browser.WaitForHeading("Overview");
        browser.Open(new Uri(Host.Client.BaseAddress!, $"portal/#/payments/{theirPayment}").ToString());
        browser.WaitForHeading("Something went wrong");
        Assert.Contains("No such payment", browser.MainText);
        Assert.DoesNotContain("$77.77", browser.MainText);
        browser.Find(By.LinkText("Payments")).Click();
        browser.WaitForHeading("Payments");
        browser.Find(By.XPath("//*[contains(., 'No payments here.')]"));
        Assert.DoesNotContain(theirPayment, browser.Driver.PageSource);
    }

    [Fact]
    public async Task A_forged_cross_site_post_is_refused_while_the_session_is_signed_in()
    {
        var merchant = await Host.CreateMerchantAsync();
        var webhooks = new WebhookClient(Host, merchant.SecretKey);
        browser.Open((await new PortalClient(Host).CreateAsync(merchant.SecretKey)).Url);
        browser.WaitForHeading("Overview");
        var target = new Uri(Host.Client.BaseAddress!, "v1/webhook_endpoints");
        await using var forger = await CrossSiteForger.StartAsync(target, JsonSerializer.Serialize(new { url = "https://evil.example/hooks", enabled_events = new[] { "*" } }));

        browser.Open(forger.PageUrl.ToString());
        // The form's POST lands on the API's answer: a refusal, whatever the browser sent.
        await Eventually.HoldsAsync(() => browser.Driver.Url.StartsWith(target.ToString(), StringComparison.Ordinal), "the forged form was submitted");
        Assert.Matches("\"status\":(401|403)", browser.Driver.PageSource);

        Assert.Empty((await webhooks.GetAsync("v1/webhook_endpoints")).GetProperty("data").EnumerateArray());
        // The session was alive all along: the portal's own page, same browser, still works.
        browser.Open(new Uri(Host.Client.BaseAddress!, "portal/#/webhooks").ToString());
        browser.WaitForHeading("Webhooks");
        Assert.Contains("No endpoints yet.", browser.MainText);
    }
}
