using EmbeddedFinance.Scenario;

// dotnet run --project tools/EmbeddedFinance.Scenario -- [api base url] [rides]
// Runs the ride-sharing marketplace scenario against a running platform (default: the local host) and prints its summary.
var api = new Uri(args.Length > 0 ? args[0].TrimEnd('/') + "/" : "http://localhost:7071/api/");
var rides = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
var adminKey = Environment.GetEnvironmentVariable("EF_ADMIN_KEY") ?? "sk_admin_local_dev";

var summary = await MarketplaceScenario.RunAsync(api, adminKey, rides, Console.WriteLine, CancellationToken.None);
Console.WriteLine();
Console.WriteLine(summary.ToText());
return summary.Healthy ? 0 : 1;
