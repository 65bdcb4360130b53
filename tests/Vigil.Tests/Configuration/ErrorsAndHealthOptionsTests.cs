using Microsoft.Extensions.Logging;
using Vigil.Configuration;
using Vigil.Grouping;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Tests.Configuration;

public sealed class ErrorsAndHealthOptionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _environment = new();

    public void Dispose() => _directory.Dispose();

    private VigilOptions Load(Action<VigilOptions>? configure = null) =>
        VigilOptionsLoader.Load(new VigilStartupContext(_directory.Path, _environment), configure);

    private IReadOnlyList<string> LoadFails(string vigilJson)
    {
        _directory.Write("vigil.json", vigilJson);
        return Assert.Throws<VigilConfigurationException>(() => Load()).Errors;
    }

    [Fact]
    public void Load_NothingConfigured_MapsToTheStoreDefaults()
    {
        var options = Load();

        var store = ErrorTrackingOptionsMapper.ToStoreOptions(options.Errors);

        Assert.True(options.Errors.CaptureUnhandled);
        Assert.Equal(LogLevel.Error, options.Errors.MinimumLogLevel);
        Assert.Equal(ErrorTrackingOptions.Default.MinimumLogSeverity, store.MinimumLogSeverity);
        Assert.Equal(ErrorTrackingOptions.Default.SpikeFactor, store.SpikeFactor);
        Assert.Equal(ErrorTrackingOptions.Default.SpikeMinimumEvents, store.SpikeMinimumEvents);
        Assert.Equal(FingerprintOptions.Default.InAppExcludePrefixes, store.Fingerprint.InAppExcludePrefixes);
        Assert.Equal(FingerprintOptions.Default.ExplicitFingerprintAttributes, store.Fingerprint.ExplicitFingerprintAttributes);
        Assert.Empty(store.Fingerprint.Rules);
        Assert.Empty(store.SeverityRules);
        Assert.True(options.Health.Enabled);
        Assert.Equal(30, options.Health.PeriodSeconds);
        Assert.Equal(10, options.Health.TimeoutSeconds);
    }

    [Fact]
    public void Load_ErrorsAndHealthSections_BindAndMapToStoreOptions()
    {
        _directory.Write("vigil.json", """
            {
              "Errors": {
                "CaptureUnhandled": false,
                "MinimumLogLevel": "Warning",
                "InAppInclude": [ "Microsoft.Shop." ],
                "InAppExclude": [ "Acme.Vendor." ],
                "GroupingRules": [
                  { "Types": [ "Shop.GatewayTimeoutException" ], "MergeInto": "gateway-timeouts" },
                  { "Fingerprints": [ "abc123" ], "SplitByAttributes": [ "tenant" ] }
                ],
                "SeverityRules": [ { "Type": "*Payment*", "Service": "shop", "Attribute": "tier = gold", "Severity": "critical" } ],
                "SpikeFactor": 3.5,
                "SpikeMinimumEvents": 20
              },
              "Health": { "Enabled": true, "DelaySeconds": 0, "PeriodSeconds": 15, "TimeoutSeconds": 2 }
            }
            """);

        var options = Load();
        var store = ErrorTrackingOptionsMapper.ToStoreOptions(options.Errors);

        Assert.False(options.Errors.CaptureUnhandled);
        Assert.Equal(13, store.MinimumLogSeverity);
        Assert.Equal(["Microsoft.Shop."], store.Fingerprint.InAppIncludePrefixes);
        Assert.Contains("Acme.Vendor.", store.Fingerprint.InAppExcludePrefixes);
        Assert.Contains("System.", store.Fingerprint.InAppExcludePrefixes);
        Assert.Equal("gateway-timeouts", store.Fingerprint.Rules[0].MergeInto);
        Assert.Equal(["Shop.GatewayTimeoutException"], store.Fingerprint.Rules[0].Types);
        Assert.Null(store.Fingerprint.Rules[1].MergeInto);
        Assert.Equal(["abc123"], store.Fingerprint.Rules[1].Fingerprints);
        Assert.Equal(["tenant"], store.Fingerprint.Rules[1].SplitByAttributes);
        var rule = Assert.Single(store.SeverityRules);
        Assert.Equal("*Payment*", rule.Type);
        Assert.Equal("shop", rule.Service);
        Assert.Equal(new KeyValuePair<string, string>("tier", "gold"), rule.Attribute);
        Assert.Equal(ErrorSeverity.Critical, rule.Severity);
        Assert.Equal(3.5, store.SpikeFactor);
        Assert.Equal(20, store.SpikeMinimumEvents);
        Assert.Equal(0, options.Health.DelaySeconds);
        Assert.Equal(15, options.Health.PeriodSeconds);
        Assert.Equal(2, options.Health.TimeoutSeconds);
    }

    [Fact]
    public void Load_EnvironmentVariables_ReachListsOfRules()
    {
        _environment["VIGIL__Errors__SeverityRules__0__Type"] = "*Timeout*";
        _environment["VIGIL__Errors__SeverityRules__0__Severity"] = "High";

        var rule = Assert.Single(Load().Errors.SeverityRules);

        Assert.Equal("*Timeout*", rule.Type);
        Assert.Equal(ErrorSeverity.High, rule.Severity);
    }

    [Fact]
    public void Load_BadErrorsSection_ReportsEveryProblemWithKeyAndOrigin()
    {
        var errors = LoadFails("""
            {
              "Errors": {
                "MinimumLogLevel": "None",
                "InAppExclude": [ " " ],
                "GroupingRules": [
                  { "MergeInto": "x" },
                  { "Types": [ "A" ] },
                  { "Types": [ "A" ], "MergeInto": "x", "SplitByAttributes": [ "tenant" ] }
                ],
                "SeverityRules": [ { "Type": "*Sql*" }, { "Attribute": "=gold", "Severity": "Low" }, { "Attribute": "no-equals", "Severity": "Low" } ],
                "SpikeFactor": 0,
                "SpikeMinimumEvents": 0
              }
            }
            """);

        Assert.Contains(errors, e => e.StartsWith("'Errors:MinimumLogLevel': 'None' is not a log level", StringComparison.Ordinal) && e.Contains("vigil.json", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:InAppExclude:0': is blank", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:GroupingRules:0': matches nothing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:GroupingRules:1': does nothing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:GroupingRules:2': both merges and splits", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SeverityRules:0:Severity': is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SeverityRules:1:Attribute': '=gold' is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SeverityRules:2:Attribute': 'no-equals' is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SpikeFactor': 0 is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SpikeMinimumEvents': 0 is not allowed", StringComparison.Ordinal));
        Assert.Equal(10, errors.Count);
    }

    [Theory]
    [InlineData("VIGIL__Errors__SeverityRules__0__Severity", "urgent", "'Errors:SeverityRules:0:Severity': 'urgent' is not a severity", "low, medium, high or critical")]
    [InlineData("VIGIL__Errors__MinimumLogLevel", "Loud", "'Errors:MinimumLogLevel': 'Loud' is not a log level", "critical")]
    [InlineData("VIGIL__Errors__CaptureUnhandled", "sometimes", "'Errors:CaptureUnhandled': 'sometimes' is not", "true or false")]
    [InlineData("VIGIL__Errors__GroupingRules", "merge-all", "'Errors:GroupingRules': 'merge-all' is not a list", "VIGIL__Errors__GroupingRules__0")]
    [InlineData("VIGIL__Errors__SpikeFactor", "Infinity", "'Errors:SpikeFactor': 'Infinity' is not", "a number")]
    [InlineData("VIGIL__Health__PeriodSeconds", "0", "'Health:PeriodSeconds': 0 is not allowed", "from 1")]
    [InlineData("VIGIL__Health__TimeoutSeconds", "-5", "'Health:TimeoutSeconds': -5 is not allowed", "from 1")]
    [InlineData("VIGIL__Health__DelaySeconds", "soon", "'Health:DelaySeconds': 'soon' is not", "a whole number")]
    [InlineData("VIGIL__Health__Interval", "30", "'Health:Interval': is not a known key", "PeriodSeconds")]
    public void Load_BadValue_FailsNamingKeyValueAndWhatIsAllowed(string variable, string value, string expectedKeyAndValue, string expectedHint)
    {
        _environment[variable] = value;

        var line = Assert.Single(Assert.Throws<VigilConfigurationException>(() => Load()).Errors);

        Assert.Contains(expectedKeyAndValue, line, StringComparison.Ordinal);
        Assert.Contains(expectedHint, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warn", LogLevel.Warning, 13)]
    [InlineData("Warning", LogLevel.Warning, 13)]
    [InlineData("verbose", LogLevel.Trace, 1)]
    [InlineData("info", LogLevel.Information, 9)]
    [InlineData("FATAL", LogLevel.Critical, 21)]
    [InlineData(" err ", LogLevel.Error, 17)]
    public void Load_MinimumLogLevel_TakesTheNamesTheCliTakes(string name, LogLevel level, int severity)
    {
        _environment["VIGIL__Errors__MinimumLogLevel"] = name;

        var options = Load();

        Assert.Equal(level, options.Errors.MinimumLogLevel);
        Assert.Equal(severity, ErrorTrackingOptionsMapper.ToStoreOptions(options.Errors).MinimumLogSeverity);
    }

    [Fact]
    public void Load_SeverityInAnyCase_IsTheServersWord()
    {
        _directory.Write("vigil.json", """{ "Errors": { "SeverityRules": [ { "Type": "*Sql*", "Severity": "critical" } ] } }""");

        Assert.Equal(ErrorSeverity.Critical, Assert.Single(Load().Errors.SeverityRules).Severity);
    }

    [Fact]
    public void Load_ErrorsSetInCode_AreCheckedByTheSameRules()
    {
        var errors = Assert.Throws<VigilConfigurationException>(() => Load(o =>
        {
            o.Errors.SpikeFactor = 0;
            o.Errors.GroupingRules.Add(new ErrorGroupingRuleOptions { MergeInto = "x" });
        })).Errors;

        Assert.Equal(
            ["'Errors:SpikeFactor': 0 is not allowed: a number from 1 to 1000 (from code).", "'Errors:GroupingRules:0': matches nothing: give Types or Fingerprints (from code)."],
            errors);
    }
}
