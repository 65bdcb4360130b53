using System.Text.Json;
using Vigil.Grouping;

namespace Vigil.Server.Configuration;

/// <summary>The <c>GroupingRules</c> array of the <c>Errors</c> section, and the arrays of rules in general.</summary>
internal static partial class ErrorsJsonReader
{
    private static readonly string[] s_groupingKeys = ["Types", "Fingerprints", "MergeInto", "SplitByAttributes"];

    private static List<GroupingRule> ReadGroupingRules(JsonElement array, ConfigReader reader)
    {
        var rules = new List<GroupingRule>();
        foreach (var (element, path) in Items(array, $"{Section}:GroupingRules", "an array of grouping rules", reader))
        {
            if (ReadObject(element, path, s_groupingKeys, "a grouping rule", "each grouping rule is an object with Types or Fingerprints, and MergeInto or SplitByAttributes", reader) is not { } values)
            {
                continue;
            }

            var types = values.TryGetValue("Types", out var t) ? Names(t, $"{path}:Types", reader) : [];
            var fingerprints = values.TryGetValue("Fingerprints", out var f) ? Names(f, $"{path}:Fingerprints", reader) : [];
            var split = values.TryGetValue("SplitByAttributes", out var s) ? Names(s, $"{path}:SplitByAttributes", reader) : [];
            var merge = values.TryGetValue("MergeInto", out var m) ? reader.String(m, $"{path}:MergeInto") : null;
            if (merge is not null && string.IsNullOrWhiteSpace(merge))
            {
                reader.Add($"{path}:MergeInto", "is blank: give the name of the group to merge into");
                merge = null;
            }

            // Each check below is about the rule as a whole; a rule whose parts were already wrong is not blamed again.
            if (!reader.BadPaths.Any(bad => bad.StartsWith($"{path}:", StringComparison.OrdinalIgnoreCase)))
            {
                if (types.Count == 0 && fingerprints.Count == 0)
                {
                    reader.Add(path, "matches nothing: give Types or Fingerprints");
                }

                if ((merge is not null) == (split.Count > 0))
                {
                    reader.Add(path, $"{(merge is not null ? "both merges and splits" : "does nothing")}: give either MergeInto or SplitByAttributes");
                }
            }

            rules.Add(new GroupingRule { Types = types, Fingerprints = fingerprints, MergeInto = merge?.Trim(), SplitByAttributes = split });
        }

        return rules;
    }

    /// <summary>The elements of an array with their key paths; a non-array is a problem and yields nothing.</summary>
    private static List<(JsonElement Element, string Path)> Items(JsonElement array, string path, string expected, ConfigReader reader)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.Add(path, $"{ConfigReader.Show(array)} is not allowed: {expected}");
            return [];
        }

        return [.. array.EnumerateArray().Select((element, index) => (element, $"{path}:{index}"))];
    }
}
