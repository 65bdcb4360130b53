using Vigil.Configuration;

namespace Vigil.Tests.Configuration;

/// <summary>The <c>Influx</c> and <c>Errors:Sentry</c> sections: binding, Sentry's own variables, and the checks that span keys.</summary>
public sealed class DialectOptionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _environment = new();

    public void Dispose() => _directory.Dispose();

    private VigilOptions Load() => VigilOptionsLoader.Load(new VigilStartupContext(_directory.Path, _environment), configure: null);

    [Fact]
    public void Load_InfluxSection_BindsEveryKey()
    {
        _directory.Write("vigil.json", """
            { "Influx": { "Enabled": true, "Endpoint": "http://127.0.0.1:8086", "ApiVersion": "V1", "Database": "telemetry", "RetentionPolicy": "week",
                          "Username": "u", "Password": "p", "Temporality": "Delta", "MaxLinesPerRequest": 100, "MaxBytesPerRequest": 4096, "MaxAttempts": 2,
                          "TimeoutMilliseconds": 500 } }
            """);

        var influx = Load().Influx;

        Assert.True(influx.Enabled);
        Assert.Equal(new Uri("http://127.0.0.1:8086"), influx.Endpoint);
        Assert.Equal(InfluxApiVersion.V1, influx.ApiVersion);
        Assert.Equal(("telemetry", "week", "u", "p"), (influx.Database, influx.RetentionPolicy, influx.Username, influx.Password));
        Assert.Equal(InfluxTemporality.Delta, influx.Temporality);
        Assert.Equal((100, 4096, 2, 500), (influx.MaxLinesPerRequest, influx.MaxBytesPerRequest, influx.MaxAttempts, influx.TimeoutMilliseconds));
    }

    [Fact]
    public void Load_InfluxDefaults_AreTheDocumentedOnes()
    {
        var influx = Load().Influx;

        Assert.False(influx.Enabled);
        Assert.Equal(InfluxApiVersion.V2, influx.ApiVersion);
        Assert.Equal(InfluxTemporality.Cumulative, influx.Temporality);
        Assert.Equal((5000, 1_048_576, 4, 10_000), (influx.MaxLinesPerRequest, influx.MaxBytesPerRequest, influx.MaxAttempts, influx.TimeoutMilliseconds));
    }

    [Fact]
    public void Load_InfluxEnabledWithoutDestination_EveryProblemNamed()
    {
        _environment["VIGIL__Influx__Enabled"] = "true";
        _environment["VIGIL__Influx__MaxAttempts"] = "0";

        var failure = Assert.Throws<VigilConfigurationException>(Load);

        Assert.Contains("'Influx:Bucket': is required with 'Influx:ApiVersion' V2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Influx:MaxAttempts'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("VIGIL__Influx__MaxAttempts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InfluxEndpointNotHttp_RefusedNamingTheValue()
    {
        _environment["VIGIL__Influx__Endpoint"] = "ftp://nowhere";

        var failure = Assert.Throws<VigilConfigurationException>(Load);

        Assert.Contains("'Influx:Endpoint'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ftp://nowhere", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InfluxV1WithoutDatabaseOrWithPasswordAlone_Refused()
    {
        _environment["VIGIL__Influx__Enabled"] = "true";
        _environment["VIGIL__Influx__ApiVersion"] = "V1";
        _environment["VIGIL__Influx__Password"] = "secret";

        var failure = Assert.Throws<VigilConfigurationException>(Load);

        Assert.Contains("'Influx:Database': is required with 'Influx:ApiVersion' V1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Influx:Username': is required when 'Influx:Password' is set", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InfluxUnknownKey_Refused()
    {
        _environment["VIGIL__Influx__Tokken"] = "x";

        var failure = Assert.Throws<VigilConfigurationException>(Load);

        Assert.Contains("Influx:Tokken", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SentryVariables_MapToErrorsSentry_VigilVariableWins()
    {
        _environment["SENTRY_DSN"] = "https://key@sentry.example/1";
        _environment["SENTRY_ENVIRONMENT"] = "staging";

        var fromSentry = Load().Errors.Sentry;
        _environment["VIGIL__Errors__Sentry__Dsn"] = "https://other@sentry.example/2";
        var fromVigil = Load().Errors.Sentry;

        Assert.Equal(("https://key@sentry.example/1", "staging"), (fromSentry.Dsn, fromSentry.Environment));
        Assert.Equal("https://other@sentry.example/2", fromVigil.Dsn);
    }

    [Fact]
    public void Load_ErrorsSentryInVigilJson_Bound()
    {
        _directory.Write("vigil.json", """{ "Errors": { "Sentry": { "Dsn": "https://key@sentry.example/1", "Environment": "prod" } } }""");

        var sentry = Load().Errors.Sentry;

        Assert.Equal(("https://key@sentry.example/1", "prod"), (sentry.Dsn, sentry.Environment));
    }
}
