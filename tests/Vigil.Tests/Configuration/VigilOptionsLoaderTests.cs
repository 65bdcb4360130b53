using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Vigil.Configuration;

namespace Vigil.Tests.Configuration;

public sealed class VigilOptionsLoaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _environment = new();

    public void Dispose() => _directory.Dispose();

    private VigilOptions Load(Action<VigilOptions>? configure = null, IConfiguration? host = null, string? hostEnvironment = null) =>
        VigilOptionsLoader.Load(new VigilStartupContext(_directory.Path, _environment, host, hostEnvironment), configure);

    private VigilConfigurationException LoadFails(Action<VigilOptions>? configure = null) =>
        Assert.Throws<VigilConfigurationException>(() => Load(configure));

    [Fact]
    public void Load_NothingConfigured_UsesDocumentedDefaults()
    {
        var options = Load();

        Assert.True(options.Console.Enabled);
        Assert.False(options.File.Enabled);
        Assert.Equal(FileSinkOptions.DefaultMaxFileSizeBytes, options.File.MaxFileSizeBytes);
        Assert.Equal(5, options.File.MaxFiles);
        Assert.False(options.Otlp.Enabled);
        Assert.Equal(SamplerKind.ParentBasedAlwaysOn, options.Tracing.Sampler);
        Assert.True(options.Redaction.Enabled);
        Assert.Null(options.Service.Name);
    }

    [Fact]
    public void Load_VigilJson_BindsEverySection()
    {
        _directory.Write("vigil.json", """
            {
              "Service": { "Name": "orders", "Version": "1.2.3", "Environment": "staging", "Attributes": { "team": "checkout" } },
              "Logging": { "MinimumLevel": { "Default": "Debug", "Microsoft": "Warning" } },
              "Tracing": { "Sources": [ "Orders.*" ], "Sampler": "ParentBasedRatio", "SamplerRatio": 0.25 },
              "Metrics": { "Meters": [ "Orders" ], "HistogramBuckets": { "orders.size": [ 1, 10, 100 ] } },
              "Console": { "Format": "Json", "Color": "Never" },
              "File": { "Enabled": true, "Path": "logs/app.jsonl", "MaxFileSizeBytes": 2048, "MaxFiles": 3 },
              "Otlp": { "Enabled": true, "Endpoint": "http://127.0.0.1:4318", "Protocol": "HttpProtobuf" },
              "Export": { "MaxQueueSize": 100, "MaxBatchSize": 10 },
              "Redaction": { "Keys": [ "ssn" ] }
            }
            """);

        var options = Load();

        Assert.Equal("orders", options.Service.Name);
        Assert.Equal("checkout", options.Service.Attributes["team"]);
        Assert.Equal(LogLevel.Warning, options.Logging.MinimumLevel["Microsoft"]);
        Assert.Equal(["Orders.*"], options.Tracing.Sources);
        Assert.Equal(SamplerKind.ParentBasedRatio, options.Tracing.Sampler);
        Assert.Equal(0.25, options.Tracing.SamplerRatio);
        Assert.Equal([1.0, 10, 100], options.Metrics.HistogramBuckets["orders.size"]);
        Assert.Equal(ConsoleFormat.Json, options.Console.Format);
        Assert.True(options.File.Enabled);
        Assert.Equal(3, options.File.MaxFiles);
        Assert.Equal(OtlpProtocol.HttpProtobuf, options.Otlp.Protocol);
        Assert.Equal(new Uri("http://127.0.0.1:4318"), options.Otlp.Endpoint);
        Assert.Equal(10, options.Export.MaxBatchSize);
        Assert.Equal(["ssn"], options.Redaction.Keys);
    }

    [Fact]
    public void Load_FileEnvironmentAndCode_CodeWinsOverEnvironmentWhichWinsOverFile()
    {
        _directory.Write("vigil.json", """{ "File": { "MaxFiles": 3, "MaxFileSizeBytes": 4096, "Path": "from-file.jsonl" } }""");
        _environment["VIGIL__File__MaxFiles"] = "7";
        _environment["VIGIL__File__MaxFileSizeBytes"] = "8192";

        var options = Load(o => o.File.MaxFileSizeBytes = 16384);

        Assert.Equal("from-file.jsonl", options.File.Path);
        Assert.Equal(7, options.File.MaxFiles);
        Assert.Equal(16384, options.File.MaxFileSizeBytes);
    }

    [Fact]
    public void Load_OtelVariables_MapToVigilKeys()
    {
        _environment["OTEL_SERVICE_NAME"] = "billing";
        _environment["OTEL_RESOURCE_ATTRIBUTES"] = "team=payments, region=eu%2Dwest,service.namespace=shop";
        _environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317";
        _environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        _environment["OTEL_EXPORTER_OTLP_HEADERS"] = "x-api-key=abc";
        _environment["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
        _environment["OTEL_TRACES_SAMPLER_ARG"] = "0.5";
        _environment["OTEL_METRICS_EXEMPLAR_FILTER"] = "always_off";

        var options = Load();

        Assert.Equal("billing", options.Service.Name);
        Assert.Equal("payments", options.Service.Attributes["team"]);
        Assert.Equal("eu-west", options.Service.Attributes["region"]);
        Assert.True(options.Otlp.Enabled);
        Assert.Equal(OtlpProtocol.HttpProtobuf, options.Otlp.Protocol);
        Assert.Equal("x-api-key=abc", options.Otlp.Headers);
        Assert.Equal(SamplerKind.ParentBasedRatio, options.Tracing.Sampler);
        Assert.Equal(0.5, options.Tracing.SamplerRatio);
        Assert.Equal(ExemplarFilterKind.AlwaysOff, options.Metrics.ExemplarFilter);
    }

    [Fact]
    public void Load_VigilVariableAndOtelVariableForSameKey_VigilVariableWins()
    {
        _environment["OTEL_SERVICE_NAME"] = "from-otel";
        _environment["VIGIL__Service__Name"] = "from-vigil";

        Assert.Equal("from-vigil", Load().Service.Name);
    }

    [Fact]
    public void Load_HostSection_IsReadBetweenFileAndEnvironment()
    {
        _directory.Write("vigil.json", """{ "Service": { "Name": "file", "Version": "file" } }""");
        _environment["VIGIL__Service__Version"] = "env";
        var host = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vigil:Service:Name"] = "host",
            ["Vigil:Service:Version"] = "host",
        }).Build();

        var options = Load(host: host, hostEnvironment: "Staging");

        Assert.Equal("host", options.Service.Name);
        Assert.Equal("env", options.Service.Version);
        Assert.Equal("Staging", options.Service.Environment);
    }

    [Fact]
    public void Load_MalformedJsonFile_FailsNamingTheFile()
    {
        _directory.Write("vigil.json", """{ "File": { "Enabled": true, """);

        var error = LoadFails();

        Assert.Contains(_directory.Combine("vigil.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_FailsNamingTheKeyAndTheKnownOnes()
    {
        _directory.Write("vigil.json", """{ "File": { "MaxSize": 10 } }""");

        var error = LoadFails();

        var line = Assert.Single(error.Errors);
        Assert.Contains("'File:MaxSize': is not a known key", line, StringComparison.Ordinal);
        Assert.Contains("MaxFileSizeBytes", line, StringComparison.Ordinal);
        Assert.Contains("vigil.json", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSection_FailsNamingIt()
    {
        _environment["VIGIL__Consol__Enabled"] = "false";

        var line = Assert.Single(LoadFails().Errors);

        Assert.Contains("'Consol': is not a known key", line, StringComparison.Ordinal);
        Assert.Contains("environment variable VIGIL__Consol__Enabled", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VIGIL__Console__Format", "Fancy", "'Console:Format': 'Fancy' is not", "one of Auto, Pretty, Json")]
    [InlineData("VIGIL__Console__Format", "1", "'Console:Format': '1' is not", "one of Auto, Pretty, Json")]
    [InlineData("VIGIL__File__MaxFiles", "many", "'File:MaxFiles': 'many' is not", "a whole number")]
    [InlineData("VIGIL__File__Enabled", "yes", "'File:Enabled': 'yes' is not", "true or false")]
    [InlineData("VIGIL__Tracing__SamplerRatio", "half", "'Tracing:SamplerRatio': 'half' is not", "a number")]
    [InlineData("VIGIL__Tracing__SamplerRatio", "NaN", "'Tracing:SamplerRatio': 'NaN' is not", "a number")]
    [InlineData("VIGIL__Otlp__Endpoint", "localhost:4317", "'Otlp:Endpoint': 'localhost:4317' is not", "http://")]
    [InlineData("VIGIL__Otlp__Endpoint", "ftp://collector", "'Otlp:Endpoint': 'ftp://collector' is not", "http://")]
    [InlineData("VIGIL__Logging__MinimumLevel__Default", "Loud", "'Logging:MinimumLevel:Default': 'Loud' is not a log level", "information")]
    [InlineData("OTEL_TRACES_SAMPLER", "jaeger_remote", "'Tracing:Sampler': 'jaeger_remote' is not", "environment variable OTEL_TRACES_SAMPLER")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "'Otlp:Protocol': 'http/json' is not", "environment variable OTEL_EXPORTER_OTLP_PROTOCOL")]
    [InlineData("VIGIL__File__MaxFiles", "99999999999999999999", "'File:MaxFiles'", "a whole number")]
    public void Load_BadValue_FailsNamingKeyValueAndWhatIsAllowed(string variable, string value, string expectedKeyAndValue, string expectedHint)
    {
        _environment[variable] = value;

        var line = Assert.Single(LoadFails().Errors);

        Assert.Contains(expectedKeyAndValue, line, StringComparison.Ordinal);
        Assert.Contains(expectedHint, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VIGIL__File__MaxFiles", "0", "'File:MaxFiles': 0 is not allowed", "from 1 to 1000")]
    [InlineData("VIGIL__File__MaxFileSizeBytes", "10", "'File:MaxFileSizeBytes': 10 is not allowed", "from 1024")]
    [InlineData("VIGIL__Tracing__SamplerRatio", "1.5", "'Tracing:SamplerRatio': 1.5 is not allowed", "from 0 to 1")]
    [InlineData("VIGIL__Export__MaxQueueSize", "-1", "'Export:MaxQueueSize': -1 is not allowed", "from 1")]
    [InlineData("VIGIL__Export__MaxBatchSize", "100000", "'Export:MaxBatchSize': 100000 is not allowed", "must not exceed 'Export:MaxQueueSize'")]
    [InlineData("VIGIL__Service__Name", " ", "'Service:Name': is blank", "give a name")]
    public void Load_ValueOutOfRange_FailsNamingKeyValueAndRange(string variable, string value, string expectedKeyAndValue, string expectedHint)
    {
        _environment[variable] = value;

        var line = Assert.Single(LoadFails().Errors);

        Assert.Contains(expectedKeyAndValue, line, StringComparison.Ordinal);
        Assert.Contains(expectedHint, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HistogramBucketsNotAscending_Fails()
    {
        _directory.Write("vigil.json", """{ "Metrics": { "HistogramBuckets": { "latency": [ 1, 5, 5, 2 ] } } }""");

        var line = Assert.Single(LoadFails().Errors);

        Assert.Contains("'Metrics:HistogramBuckets:latency': [1, 5, 5, 2] is not allowed", line, StringComparison.Ordinal);
        Assert.Contains("strictly ascending", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ListGivenAsText_FailsExplainingTheListForm()
    {
        _environment["VIGIL__Tracing__Sources"] = "Orders";

        var line = Assert.Single(LoadFails().Errors);

        Assert.Contains("is not a list", line, StringComparison.Ordinal);
        Assert.Contains("VIGIL__Tracing__Sources__0", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadResourceAttributes_FailsNamingTheVariable()
    {
        _environment["OTEL_RESOURCE_ATTRIBUTES"] = "team=payments,broken";

        var error = LoadFails();

        Assert.Contains("OTEL_RESOURCE_ATTRIBUTES entry 'broken'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllAtOnce()
    {
        _directory.Write("vigil.json", """{ "File": { "MaxFiles": "x", "Colour": 1 }, "Console": { "Format": "Loud" } }""");

        var error = LoadFails();

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains("3 problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CodeSetsInvalidValue_FailsNamingCodeAsTheOrigin()
    {
        var line = Assert.Single(LoadFails(o => o.Export.MaxQueueSize = 0).Errors);

        Assert.Equal("'Export:MaxQueueSize': 0 is not allowed: a value from 1 to 1048576 (from code).", line);
    }

    [Fact]
    public void Load_HostileValues_AreReportedNotExecuted()
    {
        _directory.Write("vigil.json", """{ "File": { "Path": "../../../../etc/passwd\u0000" , "MaxFiles": "1; DROP TABLE x" } }""");

        var line = Assert.Single(LoadFails().Errors);

        Assert.Contains("'File:MaxFiles': '1; DROP TABLE x' is not a whole number", line, StringComparison.Ordinal);
    }
}
