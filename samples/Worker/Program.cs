using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Samples.Worker;

// A small order-processing worker: it logs, counts, times operations, traces nested work and
// fails now and then, so that every kind of telemetry Vigil captures shows up on the console and
// in .vigil/logs/worker.jsonl, and runs two health checks. Run it with: dotnet run --project samples/Worker
var builder = Host.CreateApplicationBuilder(args);
builder.AddVigil(vigil =>
{
    vigil.Tracing.Sources.Add(ShopTelemetry.Name);
    vigil.Metrics.Meters.Add(ShopTelemetry.Name);
    vigil.File.Enabled = true;
    vigil.File.Path = ".vigil/logs/worker.jsonl";

    // Often, so that the checks below show up soon; the default is every 30 seconds.
    vigil.Health.DelaySeconds = 2;
    vigil.Health.PeriodSeconds = 10;
});

// Health checks are the platform's; Vigil runs them on its period and records every result (vigil health).
builder.Services.AddHealthChecks()
    .AddCheck<QueueDepthHealthCheck>("order-queue")
    .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("running"));
builder.Services.AddSingleton<ShopTelemetry>();
builder.Services.AddHostedService<OrderWorker>();

await builder.Build().RunAsync();
