using EmbeddedFinance.LocalHost;
using EmbeddedFinance.LocalHost.Azurite;

var app = DevelopmentHost.Build(args);
var logger = app.Logger;

// Start Azurite only when the app uses development storage and nothing already listens on its ports.
AzuriteProcess? azurite = null;
if (AzuriteEndpoints.IsDevelopmentStorage(app.Configuration["AzureWebJobsStorage"])
    && !(await AzuriteProcess.IsListeningAsync(AzuriteEndpoints.Default.QueuePort) && await AzuriteProcess.IsListeningAsync(AzuriteEndpoints.Default.TablePort)))
{
    var dataDirectory = Path.Combine(LocalToolsDirectory.Find(), ".azurite");
    azurite = await AzuriteProcess.StartAsync(AzuriteEndpoints.Default, dataDirectory, line => logger.LogInformation("{Line}", line));
}

try
{
    await app.RunAsync();
}
finally
{
    if (azurite is not null) await azurite.DisposeAsync();
}
