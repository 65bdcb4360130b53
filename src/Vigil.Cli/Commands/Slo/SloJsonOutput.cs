using System.Text.Json;
using Vigil.Alerting.Slos;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Slo;

/// <summary>
/// <c>vigil slo --json</c>: one JSON object on one line, <c>evaluatedAt</c> and <c>slos</c>. Shares are fractions
/// (0.999, not 99.9) and unrounded; an unknown one (no events) is null. Each alert has its <c>long</c> and <c>short</c>
/// window with the events counted there (<c>good</c>, <c>total</c>) and the <c>burnRate</c>.
/// </summary>
internal static class SloJsonOutput
{
    public static void Write(TextWriter output, DateTimeOffset evaluatedAt, IReadOnlyList<SloStatus> statuses)
    {
        var lines = new JsonLines(output);
        lines.Write(json =>
        {
            json.WriteString("evaluatedAt", evaluatedAt);
            json.WriteStartArray("slos");
            foreach (var status in statuses)
            {
                var slo = status.Slo;
                json.WriteStartObject();
                json.WriteString("name", slo.Name);
                json.WriteString("service", slo.Service);
                json.WriteNumber("objective", slo.Objective);
                json.WriteString("window", DurationFormatter.Format(slo.Window));
                json.WriteString("indicator", slo.Indicator.Description);
                json.WriteNumber("good", status.Events.Good);
                json.WriteNumber("total", status.Events.Total);
                Number(json, "attainment", status.Attainment);
                Number(json, "budgetRemaining", status.BudgetRemaining);
                Number(json, "burnRate", status.WindowBurnRate);
                json.WriteStartArray("alerts");
                foreach (var alert in status.Alerts)
                {
                    json.WriteStartObject();
                    json.WriteString("severity", alert.Alert.Severity);
                    json.WriteNumber("factor", alert.Alert.Factor);
                    Window(json, "long", alert.Alert.LongWindow, alert.LongEvents, alert.LongBurnRate);
                    Window(json, "short", alert.Alert.ShortWindow, alert.ShortEvents, alert.ShortBurnRate);
                    json.WriteBoolean("active", alert.IsActive);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
        lines.Flush();
    }

    private static void Window(Utf8JsonWriter json, string name, TimeSpan window, SloEvents events, double? burnRate)
    {
        json.WriteStartObject(name);
        json.WriteString("window", DurationFormatter.Format(window));
        json.WriteNumber("good", events.Good);
        json.WriteNumber("total", events.Total);
        Number(json, "burnRate", burnRate);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
