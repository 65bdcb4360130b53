using System.Text.Json;
using Vigil.Alerting.Budgets;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Budgets;

/// <summary><c>vigil budgets check --json</c>: one object with every limit, for scripts (values in seconds, bytes, ratios).</summary>
internal static class BudgetJsonOutput
{
    public static void Write(TextWriter output, IReadOnlyList<BudgetCheck> checks)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", checks.All(c => c.Status != BudgetStatus.Over));
            json.WriteStartArray("checks");
            foreach (var check in checks)
            {
                json.WriteStartObject();
                json.WriteString("command", check.Command);
                json.WriteString("limit", check.Limit);
                json.WriteString("unit", check.Unit);
                json.WriteNumber("max", check.LimitValue);
                json.WriteNumberOrNull("actual", check.Actual);
                json.WriteNumberOrNull("overBy", check.OverBy);
                json.WriteString("status", check.StatusName);
                json.WriteStartArray("runs");
                foreach (var id in check.RunTraceIds)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
