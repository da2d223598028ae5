using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace EmbeddedFinance.Integration.Tests.Portal;

/// <summary>
/// One headless Chromium per test class (an xUnit class fixture), driven through Debian's <c>chromium</c> and
/// <c>chromium-driver</c> at their fixed paths: nothing here looks for, or downloads, a browser or a driver (Selenium
/// Manager runs only when a path is missing, and is told to stay offline besides). Each test starts from a clean
/// cookie jar. <c>.ci/run</c> installs the two packages when missing.
/// </summary>
public sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    public Chromium()
    {
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException($"The portal's browser tests need {BrowserPath} and {DriverPath}: apt-get install chromium chromium-driver (.ci/run does).");
        }
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--lang=en-US");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public IWebDriver Driver { get; }

    public void Open(string url) => Driver.Navigate().GoToUrl(url);

    /// <summary>Waits until the page shows an element, and returns it.</summary>
    public IWebElement Find(By by, int seconds = 20) =>
        Wait(seconds).Until(driver => driver.FindElements(by).FirstOrDefault(element => element.Displayed));

    /// <summary>Waits until the main heading reads <paramref name="heading"/> (or starts with it).</summary>
    public void WaitForHeading(string heading, int seconds = 20) =>
        Wait(seconds).Until(driver =>
            driver.FindElements(By.CssSelector("main h1")).Any(h1 => h1.Text.StartsWith(heading, StringComparison.Ordinal)));

    /// <summary>The main content's text; read again when the page re-renders under the read.</summary>
    public string MainText => Wait(5).Until(driver => driver.FindElement(By.TagName("main")).Text);

    /// <summary>A wait that reads the page again when it re-rendered under it (the script replaces content as data arrives).</summary>
    private WebDriverWait Wait(int seconds)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait;
    }

    /// <summary>Reloads the current page until its main content holds <paramref name="text"/> (a delivery or settlement landing).</summary>
    public void ReloadUntil(string text, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!MainText.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The page never showed '{text}'; it shows: {MainText}");
            Thread.Sleep(500);
            Driver.Navigate().Refresh();
            Thread.Sleep(300);
        }
    }

    /// <summary>Saves a screenshot of the page as <c>docs/portal/{name}.png</c> in the repository, for the README.</summary>
    public void Screenshot(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "portal");
        Directory.CreateDirectory(folder);
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }

    /// <summary>Forgets every cookie of every site: each test signs in afresh.</summary>
    public void ClearCookies()
    {
        Driver.Navigate().GoToUrl("about:blank");
        ((ChromeDriver)Driver).ExecuteCdpCommand("Network.clearBrowserCookies", []);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EmbeddedFinance.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (EmbeddedFinance.sln) is not above the test binaries.");
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
