using Vigil.Alerting.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Where the rule engine reads its rules: the <c>Alerts</c> section the server started with, and on reload the
/// configuration file again (through <see cref="Reread"/>) and the rule files it names. The server registers one that
/// knows its configuration file; without one, the engine uses the section it was given and re-reads only rule files.
/// </summary>
public sealed class AlertRuleSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="initial">The section the server started with (already validated).</param>
    /// <param name="configurationFile">The configuration file, watched for changes; rule files are relative to it. Null when there is none.</param>
    /// <param name="reread">Reads the configuration file's <c>Alerts</c> section again; throws, with every problem in its message, when the file is wrong. Null to keep <paramref name="initial"/>.</param>
    public AlertRuleSource(AlertingSection initial, string? configurationFile = null, Func<AlertingSection>? reread = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        Initial = initial;
        ConfigurationFile = configurationFile is null ? null : Path.GetFullPath(configurationFile);
        Reread = reread;
    }

    /// <summary>The section the server started with.</summary>
    public AlertingSection Initial { get; }

    /// <summary>The configuration file (absolute), or null.</summary>
    public string? ConfigurationFile { get; }

    /// <summary>Where the budgets the server started with are declared (<c>Alerts:BudgetsFile</c>, relative to <see cref="ConfigurationFile"/>).</summary>
    public Budgets.IBudgetSource Budgets => Initial.BudgetSource(ConfigurationFile);

    /// <summary>Reads the configuration file's section again, or null when the section cannot change.</summary>
    public Func<AlertingSection>? Reread { get; }
}
