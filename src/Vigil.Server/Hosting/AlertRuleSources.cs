using Vigil.Alerting.Rules;
using Vigil.Server.Configuration;

namespace Vigil.Server.Hosting;

/// <summary>Where the server's rule engine reads its rules on reload: its configuration file, read as at start.</summary>
internal static class AlertRuleSources
{
    public static AlertRuleSource For(VigilServerOptions options) =>
        options.ConfigurationFile is { } file
            ? new AlertRuleSource(options.Alerts, file, () => ServerConfigurationLoader.Load(file).Alerts)
            : new AlertRuleSource(options.Alerts);
}
