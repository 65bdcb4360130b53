using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Alerting.Budgets;

/// <summary>
/// Reads a <c>thresholds.json</c> of the shape Vigil grew from, for teams coming from it:
/// <c>{"build": {"maxDuration", "maxMemoryUsage", "maxOutputSize"}, "runtime": {"maxExecutionTime", "maxMemoryUsage", "maxErrorRate"}}</c>.
/// <c>build</c> becomes a budget on the <c>dotnet build*</c> commands, <c>runtime</c> one on every tracked operation
/// (<c>"*"</c>); a number of milliseconds or bytes is taken as the old file wrote it, a string as budgets read it.
/// </summary>
internal static class ThresholdsFile
{
    public const string FileName = "thresholds.json";

    private static readonly Dictionary<string, string> s_build = new(StringComparer.Ordinal)
    {
        ["maxDuration"] = "maxDuration",
        ["maxMemoryUsage"] = "maxMemoryUsage",
        ["maxOutputSize"] = "maxOutputSize",
    };

    private static readonly Dictionary<string, string> s_runtime = new(StringComparer.Ordinal)
    {
        ["maxExecutionTime"] = "maxDuration",
        ["maxMemoryUsage"] = "maxMemoryUsage",
        ["maxErrorRate"] = "maxErrorRate",
    };

    /// <summary>
    /// The budget file text the thresholds amount to, and how its sections map (for errors, which name the budget a
    /// section became); throws naming a bad or unknown key.
    /// </summary>
    public static (string Json, string Mapping) ToBudgets(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BudgetFileException([$"{source}: not valid JSON ({e.Message})"]);
        }

        if (root is not JsonObject sections)
        {
            throw new BudgetFileException([$"{source}: expected an object with build and runtime sections"]);
        }

        var problems = sections.Where(s => s.Key is not ("build" or "runtime")).Select(s => $"{source}: {s.Key}: {UnknownKey.Problem(s.Key, ["build", "runtime"])}").ToList();
        var budgets = new JsonArray();
        var mapping = new List<string>();
        foreach (var (name, budget, keys, durationKey) in new[]
        {
            ("build", new JsonObject { ["command"] = "dotnet build*" }, s_build, "maxDuration"),
            ("runtime", new JsonObject { ["operation"] = "*" }, s_runtime, "maxExecutionTime"),
        })
        {
            // An absent section limits nothing, so it makes no budget.
            if (sections[name] is { } node)
            {
                mapping.Add($"{name} is budgets[{budgets.Count}]");
                budgets.Add(Section(node, name, budget, keys, durationKey, source, problems));
            }
        }

        if (problems.Count > 0)
        {
            throw new BudgetFileException(problems);
        }

        return (new JsonObject { ["budgets"] = budgets }.ToJsonString(), $"thresholds.json: {string.Join(", ", mapping)}");
    }

    private static JsonObject Section(JsonNode node, string name, JsonObject budget, Dictionary<string, string> keys, string durationKey, string source, List<string> problems)
    {
        if (node is not JsonObject section)
        {
            problems.Add($"{source}: {name}: expected an object");
            return budget;
        }

        foreach (var (key, value) in section)
        {
            if (!keys.TryGetValue(key, out var budgetKey))
            {
                problems.Add($"{source}: {name}.{key}: {UnknownKey.Problem(key, [.. keys.Keys])}");
                continue;
            }

            // The old file wrote durations as milliseconds; budgets read "250ms".
            budget[budgetKey] = key == durationKey && value is JsonValue v && v.TryGetValue<double>(out var ms) ? string.Create(CultureInfo.InvariantCulture, $"{ms}ms") : value?.DeepClone();
        }

        return budget;
    }
}
