using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vigil.AspNetCore;

/// <summary>
/// Writes a health report as <c>application/health+json</c>
/// (https://datatracker.ietf.org/doc/html/draft-inadarei-api-health-check): a top-level <c>status</c> of pass, warn
/// or fail, and under <c>checks</c> one <c>NAME:responseTime</c> entry per check with its status, the time it ran,
/// how long it took as <c>observedValue</c> in ms, and its description or error as <c>output</c> when it did not pass.
/// </summary>
internal static class HealthJsonResponseWriter
{
    public const string ContentType = "application/health+json";

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = ContentType;
        var now = DateTimeOffset.UtcNow;
        var options = context.RequestServices.GetService<VigilOptions>();

        // A report is small (one entry per check), so it is written to memory and sent in one piece.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", ToStatus(report.Status));
            if (options?.Service.Name is { } service)
            {
                json.WriteString("serviceId", service);
            }

            if (options?.Service.Version is { } version)
            {
                json.WriteString("version", version);
            }

            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartArray(name + ":responseTime");
                json.WriteStartObject();
                json.WriteString("componentId", name);
                json.WriteString("componentType", "component");
                json.WriteNumber("observedValue", Math.Round(entry.Duration.TotalMilliseconds, 3));
                json.WriteString("observedUnit", "ms");
                json.WriteString("status", ToStatus(entry.Status));
                json.WriteString("time", now);
                if (entry.Status != HealthStatus.Healthy && Describe(entry) is { } output)
                {
                    json.WriteString("output", output);
                }

                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    private static string ToStatus(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "pass",
        HealthStatus.Degraded => "warn",
        _ => "fail",
    };

    private static string? Describe(HealthReportEntry entry) => entry.Exception switch
    {
        OperationCanceledException => string.Create(CultureInfo.InvariantCulture, $"timed out after {entry.Duration.TotalMilliseconds:0} ms"),
        { } exception when string.IsNullOrEmpty(entry.Description) || entry.Description == exception.Message => $"{exception.GetType().FullName}: {exception.Message}",
        { } exception => $"{entry.Description} ({exception.GetType().FullName}: {exception.Message})",
        null => string.IsNullOrEmpty(entry.Description) ? null : entry.Description,
    };
}
