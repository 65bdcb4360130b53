using System.Text;
using Microsoft.Extensions.Configuration;
using Vigil.Alerting.Configuration;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// The rules in force: the defaults (unless turned off), the inline rules and those of the rule files, validated
/// together. The start-up check (<see cref="AlertRuleValidator"/>) and every reload read rules through
/// <see cref="Load"/>, so a reload accepts exactly what a start would.
/// </summary>
internal sealed record RuleSet
{
    /// <summary>The most rules in all.</summary>
    public const int MaxRules = 10_000;

    /// <summary>The most rule files.</summary>
    public const int MaxFiles = 100;

    /// <summary>The largest rule file read.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The rules, in declaration order (defaults first); empty when there are problems.</summary>
    public IReadOnlyList<AlertRule> Rules { get; init; } = [];

    /// <summary>Every problem found; the set is usable only when there is none.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; init; } = [];

    /// <summary>The rule files read (absolute paths), to watch for changes, including those that were wrong.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Reads and checks every rule.</summary>
    /// <param name="section">The bound <c>Alerts</c> section.</param>
    /// <param name="configurationFile">The configuration file, to which rule files are relative; null for the working directory.</param>
    /// <param name="skip">Key paths the configuration's shape check already reported, not to be blamed again.</param>
    /// <param name="path">The section's key path.</param>
    /// <returns>The rules, or the problems.</returns>
    public static RuleSet Load(AlertingSection section, string? configurationFile, Func<string, bool>? skip = null, string path = AlertRuleValidator.SectionName)
    {
        ArgumentNullException.ThrowIfNull(section);
        skip ??= _ => false;
        var problems = new List<ConfigurationProblem>();
        var declared = new List<(AlertRuleOptions? Options, string Path, string Source)>();
        for (var i = 0; i < section.Rules.Count; i++)
        {
            declared.Add((section.Rules[i], $"{path}:Rules:{i}", $"{path}:Rules:{i}"));
        }

        var directory = ConfigurationDirectory.Of(configurationFile);
        var context = new RuleLoadContext(directory, section.BudgetsFile);
        var files = new List<string>();
        if (section.RuleFiles.Count > MaxFiles)
        {
            problems.Add(new($"{path}:RuleFiles", $"names {section.RuleFiles.Count} files: at most {MaxFiles}"));
        }
        else
        {
            for (var i = 0; i < section.RuleFiles.Count; i++)
            {
                var name = section.RuleFiles[i];
                if (string.IsNullOrWhiteSpace(name))
                {
                    problems.Add(new($"{path}:RuleFiles:{i}", "is blank: give a JSON rule file's path, relative to the configuration file"));
                    continue;
                }

                var file = Path.GetFullPath(name.Trim(), directory);
                files.Add(file);
                ReadFile(file, name.Trim(), $"{path}:RuleFiles:{i}", declared, problems);
            }
        }

        if (declared.Count > MaxRules)
        {
            problems.Add(new($"{path}:Rules", $"there are {declared.Count} rules: at most {MaxRules}"));
            return new RuleSet { Problems = problems, Files = files };
        }

        if (section.BudgetsFile is { } budgetsFile && string.IsNullOrWhiteSpace(budgetsFile))
        {
            problems.Add(new($"{path}:BudgetsFile", "is blank: give a budget file's path, relative to the configuration file, or remove the key"));
        }

        var rules = new List<AlertRule>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (options, rulePath, source) in declared)
        {
            var before = problems.Count;
            var rule = AlertRuleValidator.Compile(options, rulePath, source, context, problems);
            if (rule is null || problems.Count > before)
            {
                continue;
            }

            if (names.TryGetValue(rule.Name, out var first))
            {
                problems.Add(new($"{rulePath}:Name", $"{ConfigurationText.Show(rule.Name)} is already the name of {first}: rule names are unique"));
                continue;
            }

            names[rule.Name] = rulePath;
            rules.Add(rule);
        }

        if (section.DefaultRules)
        {
            // A configured rule of a default's name replaces it; the defaults are known good, but are compiled the same way.
            var defaults = new List<AlertRule>();
            foreach (var options in DefaultAlertRules.Create().Where(d => !names.ContainsKey(d.Name!)))
            {
                defaults.Add(AlertRuleValidator.Compile(options, $"default rule {options.Name}", "default", context, problems)!);
            }

            rules.InsertRange(0, defaults);
        }

        rules.AddRange(SloRuleCompiler.Compile(section, names, context, problems));

        // A budget rule judges the budget file as read now: a change to it must reload the rules, as a rule file's does.
        if (context.ReadBudgets)
        {
            files.Add(context.BudgetsFile);
        }

        var reported = problems.Where(p => !skip(p.Path)).ToList();
        return reported.Count > 0 ? new RuleSet { Problems = reported, Files = files } : new RuleSet { Rules = rules, Files = files };
    }

    private static void ReadFile(string file, string name, string path, List<(AlertRuleOptions?, string, string)> declared, List<ConfigurationProblem> problems)
    {
        string json;
        try
        {
            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
            {
                problems.Add(new(path, $"{ConfigurationText.Show(name)} is {length / 1024} KiB: a rule file is at most {MaxFileBytes / 1024 / 1024} MiB"));
                return;
            }

            json = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(name)} does not exist (looked for {file}): give a JSON rule file, relative to the configuration file"));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(name)} cannot be read: {e.Message}"));
            return;
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(name)} is not a JSON object like {{ \"Rules\": [ ... ] }}: {Flatten(e)}"));
            return;
        }

        var shape = ConfigurationShape.Check(configuration, typeof(RuleFileSection));
        var bound = shape.Bind(configuration, new RuleFileSection());
        problems.AddRange(shape.Problems.Select(p => p with { Path = $"{name}:{p.Path}" }));
        for (var i = 0; i < bound.Rules.Count; i++)
        {
            var rulePath = $"{name}:Rules:{i}";
            if (!shape.IsBad($"Rules:{i}"))
            {
                declared.Add((bound.Rules[i], rulePath, rulePath));
            }
        }
    }

    // The JSON provider wraps the parser's message; the inner one says where the mistake is.
    private static string Flatten(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e.Message;
    }
}
