using Vigil.Grouping;
using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Storage;

namespace Vigil.Server.Tests.Probes;

/// <summary>The server configuration's <c>Errors</c> section: the SDK's keys, checked like the probes, all at once.</summary>
public sealed class ErrorsConfigurationTests
{
    [Fact]
    public void Parse_EveryErrorsKey_MapsToErrorTrackingOptions()
    {
        // Arrange
        const string json = """
            {
              "Errors": {
                "Enabled": true,
                "MinimumLogLevel": "warning",
                "InAppInclude": ["Microsoft.MyTeam."],
                "InAppExclude": [" Acme.Vendor. "],
                "GroupingRules": [
                  { "Types": ["Shop.TimeoutA", "Shop.TimeoutB"], "MergeInto": "timeouts" },
                  { "Fingerprints": ["abc123"], "SplitByAttributes": ["tenant", "region"] },
                ],
                "SeverityRules": [
                  { "Type": "*PaymentDeclined*", "Severity": "critical" },
                  { "service": "billing", "attribute": "tenant = internal", "severity": "LOW" },
                  { "Severity": "High" },
                ],
                "SpikeFactor": 2.5,
                "SpikeMinimumEvents": 3,
              },
            }
            """;

        // Act
        var options = ServerConfigurationLoader.Parse(json, "test.json").ErrorTracking;

        // Assert
        Assert.True(options.Enabled);
        Assert.Equal(13, options.MinimumLogSeverity);
        Assert.Equal(["Microsoft.MyTeam."], options.Fingerprint.InAppIncludePrefixes);
        Assert.Equal([.. FingerprintOptions.Default.InAppExcludePrefixes, "Acme.Vendor."], options.Fingerprint.InAppExcludePrefixes);
        Assert.Equal(FingerprintOptions.Default.ExplicitFingerprintAttributes, options.Fingerprint.ExplicitFingerprintAttributes);
        Assert.Equal(2, options.Fingerprint.Rules.Count);
        var merge = options.Fingerprint.Rules[0];
        Assert.Equal(["Shop.TimeoutA", "Shop.TimeoutB"], merge.Types);
        Assert.Equal("timeouts", merge.MergeInto);
        Assert.Empty(merge.SplitByAttributes);
        var split = options.Fingerprint.Rules[1];
        Assert.Equal(["abc123"], split.Fingerprints);
        Assert.Null(split.MergeInto);
        Assert.Equal(["tenant", "region"], split.SplitByAttributes);
        Assert.Equal(
            [
                new SeverityRule { Type = "*PaymentDeclined*", Severity = ErrorSeverity.Critical },
                new SeverityRule { Service = "billing", Attribute = new("tenant", "internal"), Severity = ErrorSeverity.Low },
                new SeverityRule { Severity = ErrorSeverity.High },
            ],
            options.SeverityRules);
        Assert.Equal(2.5, options.SpikeFactor);
        Assert.Equal(3, options.SpikeMinimumEvents);
        Assert.Equal(ErrorTrackingOptions.Default.DefaultSeverity, options.DefaultSeverity);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "Probes": [] }""")]
    [InlineData("""{ "Errors": {} }""")]
    [InlineData("""{ "Errors": [] }""")] // the configuration provider reads {}, [] and null alike
    [InlineData("""{ "Errors": null }""")]
    public void Parse_NoErrorSettings_IsTheDefault(string json)
    {
        // Act
        var options = ServerConfigurationLoader.Parse(json, "test.json").ErrorTracking;

        // Assert
        Assert.Equal(ErrorTrackingOptions.Default, options);
        Assert.Same(FingerprintOptions.Default, options.Fingerprint);
    }

    [Fact]
    public void Parse_Disabled_StoresNoErrors()
    {
        // Act
        var options = ServerConfigurationLoader.Parse("""{ "errors": { "enabled": false } }""", "t").ErrorTracking;

        // Assert
        Assert.False(options.Enabled);
    }

    [Theory]
    [InlineData("trace", 1)]
    [InlineData("Debug", 5)]
    [InlineData("INFORMATION", 9)]
    [InlineData("warning", 13)]
    [InlineData(" error ", 17)]
    [InlineData("Critical", 21)]
    [InlineData("verbose", 1)] // the names the CLI and the query API take, from the one grammar; refused before
    [InlineData("warn", 13)]
    [InlineData("fatal", 21)]
    public void Parse_MinimumLogLevel_IsTheOpenTelemetrySeverityNumber(string level, int severity)
    {
        // Act
        var options = ServerConfigurationLoader.Parse($$"""{ "Errors": { "MinimumLogLevel": "{{level}}" } }""", "t").ErrorTracking;

        // Assert
        Assert.Equal(severity, options.MinimumLogSeverity);
    }

    [Theory]
    [InlineData("""{ "CaptureUnhandled": true }""", "Errors:CaptureUnhandled: is not a key of the Errors section (allowed: Enabled, MinimumLogLevel,")]
    [InlineData("""{ "Enabled": "yes" }""", "Errors:Enabled: 'yes' is not true or false")]
    [InlineData("""{ "MinimumLogLevel": "none" }""", "Errors:MinimumLogLevel: 'none' is not a log level: trace, debug, info, warn, error or fatal")]
    [InlineData("""{ "MinimumLogLevel": 17 }""", "Errors:MinimumLogLevel: '17' is not a log level")]
    [InlineData("""{ "InAppInclude": "Shop." }""", "Errors:InAppInclude: 'Shop.' is not a list (text each)")]
    [InlineData("""{ "InAppExclude": ["Ok.", "  "] }""", "Errors:InAppExclude:1: is blank")]
    [InlineData("""{ "GroupingRules": ["merge"] }""", "Errors:GroupingRules:0: 'merge' is not a grouping rule: give its keys (Types, Fingerprints, MergeInto, SplitByAttributes)")]
    [InlineData("""{ "GroupingRules": [{ "Types": ["A"], "MergeInto": "x", "Into": "y" }] }""", "Errors:GroupingRules:0:Into: is not a key of a grouping rule (allowed: Types, Fingerprints, MergeInto, SplitByAttributes)")]
    [InlineData("""{ "GroupingRules": [{ "MergeInto": "x" }] }""", "Errors:GroupingRules:0: matches nothing: give Types or Fingerprints")]
    [InlineData("""{ "GroupingRules": [{ "Types": ["A"] }] }""", "Errors:GroupingRules:0: does nothing: give either MergeInto or SplitByAttributes")]
    [InlineData("""{ "GroupingRules": [{ "Types": ["A"], "MergeInto": "x", "SplitByAttributes": ["t"] }] }""", "Errors:GroupingRules:0: both merges and splits")]
    [InlineData("""{ "GroupingRules": [{ "Types": ["A"], "MergeInto": " " }] }""", "Errors:GroupingRules:0:MergeInto: is blank")]
    [InlineData("""{ "SeverityRules": [{ "Type": "*Timeout*" }] }""", "Errors:SeverityRules:0:Severity: is required: low, medium, high or critical")]
    [InlineData("""{ "SeverityRules": [{ "Severity": "urgent" }] }""", "Errors:SeverityRules:0:Severity: 'urgent' is not a severity: low, medium, high or critical")]
    [InlineData("""{ "SeverityRules": [{ "Severity": 3 }] }""", "Errors:SeverityRules:0:Severity: '3' is not a severity: low, medium, high or critical")]
    [InlineData("""{ "SeverityRules": [{ "Severity": "low", "Attribute": "=internal" }] }""", "Errors:SeverityRules:0:Attribute: '=internal' is not allowed: key=value")]
    [InlineData("""{ "SeverityRules": [{ "Severity": "low", "Attribute": "tenant" }] }""", "Errors:SeverityRules:0:Attribute: 'tenant' is not allowed: key=value")]
    [InlineData("""{ "SeverityRules": [{ "Severity": "low", "Type": "" }] }""", "Errors:SeverityRules:0:Type: is blank")]
    [InlineData("""{ "SeverityRules": [{ "Severity": "low", "Level": "x" }] }""", "Errors:SeverityRules:0:Level: is not a key of a severity rule (allowed: Type, Service, Attribute, Severity)")]
    [InlineData("""{ "SpikeFactor": 0.5 }""", "Errors:SpikeFactor: 0.5 is not allowed: a number from 1 to 1000")]
    [InlineData("""{ "SpikeFactor": 1e400 }""", "Errors:SpikeFactor: '1e400' is not a number such as 0.25")]
    [InlineData("""{ "SpikeMinimumEvents": 0 }""", "Errors:SpikeMinimumEvents: 0 is not allowed: a whole number from 1 to 1000000")]
    [InlineData("""{ "SpikeMinimumEvents": 2.5 }""", "Errors:SpikeMinimumEvents: '2.5' is not a whole number")]
    [InlineData("""{ "Enabled": true, "enabled": false }""", "Errors:enabled: is given more than once")]
    public void Parse_BadErrorsValue_ReportsItWithItsKeyPath(string errors, string problem)
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse($$"""{ "Errors": {{errors}} }""", "t"));

        // Assert
        Assert.StartsWith(problem, Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyErrorsProblems_ReportsEveryOneWithItsKeyPath()
    {
        // Arrange
        const string json = """
            {
              "Probes": [ { "Name": "db", "Kind": "tcp", "Host": "db", "Port": 70000 } ],
              "Errors": {
                "MinimumLogLevel": "loud",
                "InAppInclude": ["Shop.", "", 1],
                "GroupingRules": [
                  { "Types": ["A"], "MergeInto": "a" },
                  { "SplitByAttributes": ["tenant"] },
                  { "Types": ["B"], "MergeInto": "b", "Colour": "red" }
                ],
                "SeverityRules": [
                  { "Type": "*Timeout*", "Severity": "high" },
                  { "Attribute": "tenant" },
                  { "Type": "*Payment*", "Severity": "severe" }
                ],
                "SpikeFactor": -1,
                "CaptureUnhandled": false
              },
              "Errors ": {}
            }
            """;

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "vigil.server.json"));

        // Assert
        string[] expected =
        [
            "Errors : is not a key of the server configuration (allowed: Probes, Errors, Alerts, Retention, DiskGuard, QueryTimeout, MaxClockSkew)",
            "Errors:CaptureUnhandled: is not a key of the Errors section",
            "Errors:MinimumLogLevel: 'loud' is not a log level",
            "Errors:SpikeFactor: -1 is not allowed",
            "Errors:InAppInclude:1: is blank",
            "Errors:GroupingRules:1: matches nothing",
            "Errors:GroupingRules:2:Colour: is not a key of a grouping rule",
            "Errors:SeverityRules:1:Attribute: 'tenant' is not allowed: key=value",
            "Errors:SeverityRules:1:Severity: is required",
            "Errors:SeverityRules:2:Severity: 'severe' is not a severity",
            "Probes:0:Port: 70000 is not allowed",
        ];
        foreach (var problem in expected)
        {
            Assert.True(
                exception.Problems.Any(p => p.StartsWith(problem, StringComparison.Ordinal)),
                $"expected a problem starting with \"{problem}\", got:{Environment.NewLine}{string.Join(Environment.NewLine, exception.Problems)}");
        }

        Assert.Equal(expected.Length, exception.Problems.Count);
        Assert.StartsWith($"vigil.server.json: {expected.Length} problems:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorsGivenTwice_IsAProblem()
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse("""{ "Errors": {}, "errors": {} }""", "t"));

        // Assert
        Assert.Equal("errors: is given more than once", Assert.Single(exception.Problems));
    }

    [Fact]
    public void Parse_ControlCharactersInAValue_ShownEscaped()
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse("""{ "Errors": { "SeverityRules": [{ "Severity": "hi\u001b[31m\ngh" }] } }""", "t"));

        // Assert
        var problem = Assert.Single(exception.Problems);
        Assert.DoesNotContain('\u001b', problem);
        Assert.DoesNotContain('\n', problem);
        Assert.StartsWith("Errors:SeverityRules:0:Severity: 'hi\\u001", problem, StringComparison.Ordinal);
        Assert.EndsWith("[31m\\ngh' is not a severity: low, medium, high or critical", problem, StringComparison.Ordinal);
    }
}
