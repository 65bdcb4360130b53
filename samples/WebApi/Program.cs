using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vigil.AspNetCore;

// A minimal API with Vigil and health endpoints. Run it with: dotnet run --project samples/WebApi
// then: curl -i http://localhost:5080/health/ready   (application/health+json; 503 while a check fails)
//       curl -i http://localhost:5080/health/live
//       curl -i http://localhost:5080/orders/7       (fails for odd ids: see `vigil errors`)
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://localhost:5080");
builder.AddVigil(vigil => vigil.Health.PeriodSeconds = 10);

var startedAt = DateTimeOffset.UtcNow;
builder.Services.AddHealthChecks()
    // Readiness: not ready for the first 10 seconds, as if warming a cache.
    .AddCheck("cache-warm", () => DateTimeOffset.UtcNow - startedAt > TimeSpan.FromSeconds(10)
        ? HealthCheckResult.Healthy("warm")
        : HealthCheckResult.Unhealthy("warming up"), tags: [VigilHealthCheckTags.Ready])
    // Liveness: only what a restart would fix.
    .AddCheck("request-loop", () => HealthCheckResult.Healthy(), tags: [VigilHealthCheckTags.Live]);

var app = builder.Build();
app.MapVigilHealthChecks("/health");
app.MapGet("/orders/{id:int}", (int id) => id % 2 == 0
    ? Results.Ok(new { id, status = "shipped" })
    : throw new InvalidOperationException($"Order {id} has no shipping address"));

await app.RunAsync();
