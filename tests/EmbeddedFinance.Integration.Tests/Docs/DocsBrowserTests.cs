using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Portal;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EmbeddedFinance.Integration.Tests.Docs;

/// <summary>
/// The developer portal in Debian's headless Chromium: <c>/docs</c> renders every operation of the OpenAPI document with
/// the vendored Redoc and fetches nothing from another origin; the getting-started commands run as written, through bash.
/// </summary>
public sealed partial class DocsBrowserTests(Chromium browser) : HostedTest, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_reference_renders_every_operation_of_the_openapi_document_from_this_origin_only()
    {
        using var document = JsonDocument.Parse(await Host.Client.GetStringAsync("openapi.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(operation => (Path: path.Name, Id: operation.Value.GetProperty("operationId").GetString()!)))
            .ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations");

        var origin = new Uri(Host.Client.BaseAddress!, "/").ToString().TrimEnd('/');
        browser.Open(new Uri(Host.Client.BaseAddress!, "docs").ToString());
        // Redoc gives each operation an element with the id operation/{operationId} once it rendered the document.
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(60)).Until(driver => driver.FindElements(By.CssSelector("[id^='operation/']")).Count >= operations.Count);

        var rendered = browser.Driver.FindElements(By.CssSelector("[id^='operation/']")).Select(element => element.GetAttribute("id")).ToHashSet();
        var missing = operations.Where(operation => !rendered.Contains($"operation/{operation.Id}")).Select(operation => $"{operation.Id} {operation.Path}").ToList();
        Assert.True(missing.Count == 0, "not rendered: " + string.Join(", ", missing));
        var source = browser.Driver.PageSource;
        Assert.All(operations, operation => Assert.Contains(WebUtility.HtmlEncode(operation.Path), source, StringComparison.Ordinal));

        var fetched = ((IJavaScriptExecutor)browser.Driver).ExecuteScript("return performance.getEntriesByType('resource').map(entry => entry.name);") as IReadOnlyCollection<object>;
        Assert.NotNull(fetched);
        Assert.All(fetched!.Select(name => (string)name), name => Assert.True(name.StartsWith(origin, StringComparison.Ordinal) || name.StartsWith("blob:", StringComparison.Ordinal) || name.StartsWith("data:", StringComparison.Ordinal), $"fetched {name}"));

        using var page = await Host.Client.GetAsync("docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_getting_started_commands_run_as_written_sign_up_token_payment_webhook()
    {
        var html = await Host.Client.GetStringAsync("docs/getting-started.html");
        var blocks = RunBlock().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();
        Assert.Equal(4, blocks.Count);

        var bash = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", string.Join("\n", blocks)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        bash.Environment["API"] = Host.Client.BaseAddress!.ToString().TrimEnd('/');
        using var run = Process.Start(bash)!;
        var output = await run.StandardOutput.ReadToEndAsync();
        var errors = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{output}\n{errors}");
        Assert.Contains("secret key sk_test_", output, StringComparison.Ordinal);
        Assert.Contains("token tok_", output, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"succeeded\"", output, StringComparison.Ordinal);
        Assert.Contains("\"secret\":\"whsec_", output, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"payment.succeeded\"", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<pre class="run">(.*?)</pre>""", RegexOptions.Singleline)]
    private static partial Regex RunBlock();
}
