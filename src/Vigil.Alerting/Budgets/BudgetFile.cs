using System.Text.Json;
using Vigil.Model.Text;

namespace Vigil.Alerting.Budgets;

/// <summary>
/// Reads a budget file: <c>{ "budgets": [ { "command": "dotnet build", "maxDuration": "5m", ... } ] }</c>. Every
/// problem is collected with its key path (<c>budgets[0].maxDuration</c>), and unknown keys are problems too, so a
/// misspelt limit never passes silently. See docs/builds.md.
/// </summary>
internal static class BudgetFile
{
    /// <summary>The file <c>vigil budgets check</c> reads when <c>--file</c> is absent.</summary>
    public const string DefaultFileName = "vigil.budgets.json";

    /// <summary>Vigil's configuration file, whose <c>budgets</c> section holds the same array.</summary>
    public const string VigilJsonFileName = "vigil.json";

    /// <summary>The largest file read: a budget file is written by hand.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly string[] s_keys =
        ["command", "build", "project", "operation", "span", "service", "runs", "minRuns", "branch", "percentile", "maxDuration", "maxMemoryUsage", "maxOutputSize", "maxErrorRate", "maxSlowerThanMedian"];

    // The keys that name what a budget judges, one per budget, and the kind each gives.
    private static readonly (string Key, BudgetKind Kind)[] s_subjects =
        [("command", BudgetKind.Command), ("build", BudgetKind.Build), ("project", BudgetKind.Project), ("operation", BudgetKind.Operation), ("span", BudgetKind.Span)];

    /// <summary>The key that names a budget of <paramref name="kind"/> in the file (<c>command</c>, <c>build</c>, ...).</summary>
    public static string KeyOf(BudgetKind kind) => s_subjects.First(s => s.Kind == kind).Key;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<BudgetDefinition> Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new BudgetFileException([$"{path}: no such file"]);
        }

        if (info.Length > MaxFileBytes)
        {
            throw new BudgetFileException([$"{path}: {info.Length / 1024} KiB is too large for a budget file (at most {MaxFileBytes / 1024} KiB)"]);
        }

        var text = File.ReadAllText(path);
        return Path.GetFileName(path) switch
        {
            ThresholdsFile.FileName => FromThresholds(text, path),
            VigilJsonFileName => Parse(text, path, inVigilJson: true),
            _ => Parse(text, path),
        };
    }

    private static IReadOnlyList<BudgetDefinition> FromThresholds(string text, string path)
    {
        var (json, mapping) = ThresholdsFile.ToBudgets(text, path);
        return Parse(json, $"{path} ({mapping})");
    }

    /// <summary>
    /// The file <c>vigil budgets check</c> reads with no <c>--file</c>: <c>vigil.budgets.json</c>, else the
    /// <c>budgets</c> section of <c>vigil.json</c>, in <paramref name="directory"/>.
    /// </summary>
    public static string DefaultPath(string directory)
    {
        var budgets = Path.Combine(directory, DefaultFileName);
        var vigilJson = Path.Combine(directory, VigilJsonFileName);
        return !File.Exists(budgets) && File.Exists(vigilJson) ? vigilJson : budgets;
    }

    /// <summary>Reads budget file text; <paramref name="source"/> prefixes each problem.</summary>
    public static IReadOnlyList<BudgetDefinition> Parse(string json, string source, bool inVigilJson = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BudgetFileException([$"{source}: not valid JSON ({e.Message})"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var budgets = new List<BudgetDefinition>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("budgets", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new BudgetFileException([$"{source}: budgets: expected an array of budgets, e.g. {{\"budgets\": [{{\"command\": \"dotnet build\", \"maxDuration\": \"5m\"}}]}}"]);
            }

            // vigil.json holds the SDK's settings beside the budgets; those are the SDK's to check.
            foreach (var property in root.EnumerateObject().Where(p => p.Name != "budgets" && !inVigilJson))
            {
                problems.Add($"{source}: {property.Name}: unknown key (the file holds \"budgets\")");
            }

            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var budget = ParseOne(element, $"{source}: budgets[{index}]", problems);
                if (budget is not null)
                {
                    budgets.Add(budget);
                }

                index++;
            }

            if (problems.Count > 0)
            {
                throw new BudgetFileException(problems);
            }

            return budgets;
        }
    }

    private static BudgetDefinition? ParseOne(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object");
            return null;
        }

        var before = problems.Count;
        foreach (var property in element.EnumerateObject().Where(p => !s_keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            problems.Add($"{path}.{property.Name}: {UnknownKey.Problem(property.Name, s_keys)}");
        }

        var subjects = s_subjects.Where(s => element.TryGetProperty(s.Key, out _)).ToList();
        if (subjects.Count == 0)
        {
            problems.Add($"{path}.command: required (the vigil exec task name, e.g. \"dotnet build\", or a pattern with *; or build, project, operation or span)");
        }
        else if (subjects.Count > 1)
        {
            problems.Add($"{path}.{subjects[1].Key}: give one of command, build, project, operation or span, not {string.Join(" and ", subjects.Select(s => s.Key))}");
        }

        var (subjectKey, kind) = subjects.Count > 0 ? subjects[0] : ("command", BudgetKind.Command);
        var command = String(element, subjectKey, path, problems);
        var budget = new BudgetDefinition
        {
            Command = command ?? string.Empty,
            Kind = kind,
            Service = String(element, "service", path, problems),
            Runs = Integer(element, "runs", path, problems, 1, ExecRunHistory.MaxTraces) ?? BudgetDefinition.DefaultRuns,
            MinRuns = Integer(element, "minRuns", path, problems, 1, ExecRunHistory.MaxTraces) ?? 1,
            Branch = String(element, "branch", path, problems),
            Percentile = Percentile(element, path, problems),
            MaxDuration = Duration(element, "maxDuration", path, problems),
            MaxMemoryBytes = Size(element, "maxMemoryUsage", path, problems),
            MaxOutputBytes = Size(element, "maxOutputSize", path, problems),
            MaxErrorRate = Number(element, "maxErrorRate", path, problems, 0, 1),
            MaxSlowerThanMedianPercent = Number(element, "maxSlowerThanMedian", path, problems, 0, 10_000),
        };

        if (budget.MinRuns > budget.Runs)
        {
            problems.Add($"{path}.minRuns: {budget.MinRuns} is more than runs ({budget.Runs})");
        }

        if (budget is { MaxDuration: null, MaxMemoryBytes: null, MaxOutputBytes: null, MaxErrorRate: null, MaxSlowerThanMedianPercent: null })
        {
            problems.Add($"{path}: sets no limit (give maxDuration, maxMemoryUsage, maxOutputSize, maxErrorRate or maxSlowerThanMedian)");
        }

        return problems.Count == before ? budget : null;
    }

    private static string? String(JsonElement element, string key, string path, List<string> problems)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{path}.{key}: expected a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private static int? Integer(JsonElement element, string key, string path, List<string> problems, int min, int max)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            problems.Add($"{path}.{key}: expected a whole number from {min} to {max}, not {value.GetRawText()}");
            return null;
        }

        return number;
    }

    private static double? Number(JsonElement element, string key, string path, List<string> problems, double min, double max)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number < min || number > max)
        {
            problems.Add($"{path}.{key}: expected a number from {min} to {max}, not {value.GetRawText()}");
            return null;
        }

        return number;
    }

    private static int Percentile(JsonElement element, string path, List<string> problems)
    {
        var value = Integer(element, "percentile", path, problems, 1, 100);
        if (value is null or 50 or 95 or 99)
        {
            return value ?? BudgetDefinition.DefaultPercentile;
        }

        problems.Add($"{path}.percentile: expected 50, 95 or 99, not {value}");
        return BudgetDefinition.DefaultPercentile;
    }

    private static TimeSpan? Duration(JsonElement element, string key, string path, List<string> problems)
    {
        var text = String(element, key, path, problems);
        if (text is null)
        {
            return null;
        }

        if (!DurationGrammar.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            problems.Add($"{path}.{key}: '{text}' is not a duration ({DurationGrammar.Allowed})");
            return null;
        }

        return duration;
    }

    private static long? Size(JsonElement element, string key, string path, List<string> problems)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : null;
        if (text is null || !ByteSizeGrammar.TryParse(text, out var bytes))
        {
            problems.Add($"{path}.{key}: {value.GetRawText()} is not a size ({ByteSizeGrammar.Allowed})");
            return null;
        }

        return bytes;
    }
}
