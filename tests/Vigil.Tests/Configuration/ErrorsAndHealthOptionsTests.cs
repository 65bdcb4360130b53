using Microsoft.Extensions.Logging;
using Vigil.Configuration;
using Vigil.Errors;
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

        Assert.Contains(errors, e => e.StartsWith("'Errors:MinimumLogLevel' is None", StringComparison.Ordinal) && e.Contains("vigil.json", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:InAppExclude:0' is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:GroupingRules:0' matches nothing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:GroupingRules:1' does nothing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:GroupingRules:2' both merges and splits", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SeverityRules:0:Severity' is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SeverityRules:1:Attribute' is '=gold'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SeverityRules:2:Attribute' is 'no-equals'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SpikeFactor' is 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'Errors:SpikeMinimumEvents' is 0", StringComparison.Ordinal));
        Assert.Equal(10, errors.Count);
    }

    [Theory]
    [InlineData("VIGIL__Errors__SeverityRules__0__Severity", "urgent", "'Errors:SeverityRules:0:Severity' is 'urgent'", "one of Low, Medium, High, Critical")]
    [InlineData("VIGIL__Errors__MinimumLogLevel", "Loud", "'Errors:MinimumLogLevel' is 'Loud'", "Critical")]
    [InlineData("VIGIL__Errors__CaptureUnhandled", "sometimes", "'Errors:CaptureUnhandled' is 'sometimes'", "true or false")]
    [InlineData("VIGIL__Errors__GroupingRules", "merge-all", "'Errors:GroupingRules' is 'merge-all'", "expected a list")]
    [InlineData("VIGIL__Errors__SpikeFactor", "Infinity", "'Errors:SpikeFactor' is 'Infinity'", "a number")]
    [InlineData("VIGIL__Health__PeriodSeconds", "0", "'Health:PeriodSeconds' is 0", "from 1")]
    [InlineData("VIGIL__Health__TimeoutSeconds", "-5", "'Health:TimeoutSeconds' is -5", "from 1")]
    [InlineData("VIGIL__Health__DelaySeconds", "soon", "'Health:DelaySeconds' is 'soon'", "a whole number")]
    [InlineData("VIGIL__Health__Interval", "30", "'Health:Interval' is not a known key", "PeriodSeconds")]
    public void Load_BadValue_FailsNamingKeyValueAndWhatIsAllowed(string variable, string value, string expectedKeyAndValue, string expectedHint)
    {
        _environment[variable] = value;

        var line = Assert.Single(Assert.Throws<VigilConfigurationException>(() => Load()).Errors);

        Assert.Contains(expectedKeyAndValue, line, StringComparison.Ordinal);
        Assert.Contains(expectedHint, line, StringComparison.Ordinal);
    }
}
