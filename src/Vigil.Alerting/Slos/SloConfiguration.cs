using System.Globalization;
using Vigil.Alerting.Configuration;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Slos;

/// <summary>
/// Checks <c>Alerts:Slos</c> and makes its SLOs: every problem is collected and named by its key path, as for the rest
/// of the server's configuration, and only a section with none becomes <see cref="SloDefinition"/>s.
/// </summary>
public static class SloConfiguration
{
    /// <summary>The key of the SLO list in the <c>Alerts</c> section.</summary>
    public const string Key = "Slos";

    /// <summary>Every problem with the SLOs of <paramref name="section"/>.</summary>
    /// <param name="section">The bound <c>Alerts</c> section.</param>
    /// <param name="path">Its key path.</param>
    /// <returns>The problems; empty when every SLO is usable.</returns>
    public static List<ConfigurationProblem> Check(AlertingSection section, string path = "Alerts")
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = new List<ConfigurationProblem>();
        Read(section, path, problems);
        return problems;
    }

    /// <summary>The SLOs of a section that <see cref="Check"/> found no problem with.</summary>
    /// <param name="section">The bound <c>Alerts</c> section.</param>
    /// <returns>The SLOs, in the configuration's order.</returns>
    /// <exception cref="ArgumentException">The section has problems; the message lists them.</exception>
    public static IReadOnlyList<SloDefinition> Build(AlertingSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = new List<ConfigurationProblem>();
        var slos = Read(section, "Alerts", problems);
        return problems.Count == 0
            ? slos
            : throw new ArgumentException("The SLOs have problems: " + string.Join("; ", problems), nameof(section));
    }

    /// <summary>The SLOs that have no problem, whatever the others have (<see cref="Check"/> reports those).</summary>
    internal static List<SloDefinition> Usable(AlertingSection section) => Read(section, "Alerts", []);

    private static List<SloDefinition> Read(AlertingSection section, string path, List<ConfigurationProblem> problems)
    {
        var slos = new List<SloDefinition>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < section.Slos.Count; i++)
        {
            var at = $"{path}:{Key}:{i}";
            var before = problems.Count;
            var slo = SloSectionReader.Read(section.Slos[i], at, problems);
            if (slo is not null && names.TryGetValue(slo.Name, out var first))
            {
                problems.Add(new($"{at}:Name", $"{ConfigurationText.Show(slo.Name)} is already the name of {path}:{Key}:{first.ToString(CultureInfo.InvariantCulture)}: SLO names are unique"));
            }
            else if (slo is not null && problems.Count == before)
            {
                names[slo.Name] = i;
                slos.Add(slo);
            }
        }

        return slos;
    }
}
