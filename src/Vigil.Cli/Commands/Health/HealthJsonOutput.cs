using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Cli.Commands.Health;

/// <summary>
/// <c>vigil health --json</c>: one JSON document per snapshot, on one line (so <c>--watch --json</c> is JSON Lines):
/// <c>status</c> (the overall one), <c>time</c>, and <c>states</c> (one object per check or probe). A state's
/// <c>status</c> is the one it counts as (<c>unhealthy</c> when <c>stale</c>); <c>lastStatus</c> is the one it last reported.
/// </summary>
internal sealed class HealthJsonOutput : IHealthOutput
{
    private readonly JsonLines _lines;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public HealthJsonOutput(TextWriter output) => _lines = new JsonLines(output);

    /// <inheritdoc />
    public void Write(HealthSnapshot snapshot, bool watching)
    {
        _lines.Write(json =>
        {
            json.WriteString("status", HealthLogRecord.StatusText(snapshot.Overall));
            json.WriteNumber("exitCode", (int)snapshot.Overall);
            json.WriteString("time", snapshot.Taken);
            json.WriteStartArray("states");
            foreach (var state in snapshot.States)
            {
                var latest = state.Latest;
                json.WriteStartObject();
                json.WriteString("kind", TelemetryJson.Name(latest.Kind));
                json.WriteString("service", latest.ServiceName);
                json.WriteString("name", latest.Name);
                json.WriteString("status", HealthLogRecord.StatusText(state.Status));
                json.WriteBoolean("stale", state.IsStale);
                json.WriteString("lastStatus", HealthLogRecord.StatusText(latest.Status));
                json.WriteString("observed", HealthLogRecord.StatusText(latest.Observed));
                json.WriteString("since", state.Since);
                json.WriteString("lastResult", latest.Timestamp);
                json.WriteNumber("durationMs", latest.Duration.TotalMilliseconds);
                if (latest.Interval is { } interval)
                {
                    json.WriteNumber("intervalMs", interval.TotalMilliseconds);
                }
                else
                {
                    // Unknown: the sender did not say how often it runs, so only --stale-after can make it stale.
                    json.WriteNull("intervalMs");
                }

                json.WriteString("description", latest.Description);
                JsonAttributes.Write(json, "data", latest.Data);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
        _lines.Flush();
    }
}
