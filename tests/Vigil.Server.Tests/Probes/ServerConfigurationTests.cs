using Vigil.Server.Configuration;
using Vigil.Server.Probes;

namespace Vigil.Server.Tests.Probes;

public sealed class ServerConfigurationTests
{
    [Fact]
    public void Parse_EveryKey_ReadsEveryProbe()
    {
        // Arrange
        const string json = """
            {
              // comments and trailing commas are allowed
              "Probes": [
                {
                  "Name": "api", "Kind": "http", "Url": "https://example.test/health", "Method": "head",
                  "ExpectedStatus": [200, 204], "BodyContains": "ok", "BodyMatches": "\"status\":\\s*\"up\"",
                  "MaxLatency": "500ms", "MinCertificateDays": 14, "Headers": { "Accept": "application/json" },
                  "AllowUntrustedCertificate": true, "Interval": "1m", "Timeout": "5s", "FailureThreshold": 4, "SuccessThreshold": 1,
                },
                { "name": "db", "kind": "TCP", "host": "db.internal", "port": 5432, "interval": "10s" },
                { "Name": "disk", "Kind": "command", "File": "/usr/bin/df", "Arguments": ["-h", "/"], "Interval": "1h", "Timeout": "30s" },
              ],
            }
            """;

        // Act
        var configuration = ServerConfigurationLoader.Parse(json, "test.json");

        // Assert
        Assert.Equal("test.json", configuration.Source);
        Assert.Equal(3, configuration.Probes.Count);
        var http = configuration.Probes[0];
        Assert.Equal(ProbeKind.Http, http.Kind);
        Assert.Equal(new Uri("https://example.test/health"), http.Url);
        Assert.Equal("head", http.Method);
        Assert.Equal([200, 204], http.ExpectedStatus);
        Assert.Equal("ok", http.BodyContains);
        Assert.Equal("\"status\":\\s*\"up\"", http.BodyMatches);
        Assert.Equal(TimeSpan.FromMilliseconds(500), http.MaxLatency);
        Assert.Equal(14, http.MinCertificateDays);
        Assert.Equal("application/json", http.Headers["Accept"]);
        Assert.True(http.AllowUntrustedCertificate);
        Assert.Equal(TimeSpan.FromMinutes(1), http.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), http.Timeout);
        Assert.Equal(4, http.FailureThreshold);
        Assert.Equal(1, http.SuccessThreshold);
        var tcp = configuration.Probes[1];
        Assert.Equal((ProbeKind.Tcp, "db", "db.internal", 5432), (tcp.Kind, tcp.Name, tcp.Host, tcp.Port));
        Assert.Equal(TimeSpan.FromSeconds(5), tcp.Timeout);
        Assert.Equal((ProbeDefinition.DefaultFailureThreshold, ProbeDefinition.DefaultSuccessThreshold), (tcp.FailureThreshold, tcp.SuccessThreshold));
        var command = configuration.Probes[2];
        Assert.Equal((ProbeKind.Command, "/usr/bin/df"), (command.Kind, command.File));
        Assert.Equal(["-h", "/"], command.Arguments);
        Assert.Equal(TimeSpan.FromHours(1), command.Interval);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "Probes": [] }""")]
    public void Parse_NoProbes_IsEmpty(string json)
    {
        // Act
        var configuration = ServerConfigurationLoader.Parse(json, "test.json");

        // Assert
        Assert.Empty(configuration.Probes);
    }

    [Fact]
    public void Parse_DefaultsOnly_UsesDefaultIntervalAndTimeout()
    {
        // Act
        var probe = Assert.Single(ServerConfigurationLoader.Parse("""{ "Probes": [ { "Name": "db", "Kind": "tcp", "Host": "localhost", "Port": 1 } ] }""", "t").Probes);

        // Assert
        Assert.Equal(ProbeDefinition.DefaultInterval, probe.Interval);
        Assert.Equal(ProbeDefinition.DefaultTimeout, probe.Timeout);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData(" 2s ", 2_000)]
    [InlineData("24h", 86_400_000)]
    [InlineData("1ms", 1)]
    [InlineData("1h30m", 5_400_000)] // sums, from the grammar the CLI shares
    [InlineData("1d", 86_400_000)]
    public void TryParse_Duration_ReadsIt(string text, double milliseconds)
    {
        // Act
        var ok = DurationText.TryParse(text, out var duration);

        // Assert
        Assert.True(ok);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("0.1ms")]
    [InlineData("25h")]
    [InlineData("1d1ms")] // in the grammar, past the server's range
    [InlineData("1w")]
    [InlineData("s")]
    [InlineData("1e3s")]
    [InlineData("1,5s")]
    [InlineData("NaNs")]
    [InlineData("Infinitys")]
    [InlineData("99999999999999999999h")]
    [InlineData("5 m")]
    [InlineData("5M")]
    public void TryParse_NotADuration_IsFalse(string text)
    {
        // Act + Assert
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneWithItsKeyPath()
    {
        // Arrange
        const string json = """
            {
              "Probes": [
                { "Kind": "http", "Url": "ftp://example.test/", "Interval": "0s", "Colour": "red" },
                { "Name": "api", "Kind": "http", "Url": "not a url", "BodyMatches": "(unclosed", "Timeout": "1m", "Interval": "30s" },
                { "Name": "API", "Kind": "smtp" },
                { "Name": "db", "Kind": "tcp", "Port": 70000, "Url": "http://x/" },
                { "Name": "run", "Kind": "command", "Interval": "-5s", "Timeout": "5m", "FailureThreshold": 0 }
              ],
              "Alarms": []
            }
            """;

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "vigil.server.json"));

        // Assert
        string[] expected =
        [
            "Probes:0:Colour: is not a key of a probe (allowed: Name, Kind,",
            "Probes:0:Interval: '0s' is not a duration",
            "Probes:0:Name: is required",
            "Probes:0:Url: 'ftp://example.test/' is not an absolute http:// or https:// URL",
            "Probes:1:Url: 'not a url' is not an absolute http:// or https:// URL",
            "Probes:1:BodyMatches: '(unclosed' is not a .NET regular expression",
            "Probes:1:Timeout: 1m is not allowed: it must be shorter than the Interval (30s)",
            "Probes:2:Kind: 'smtp' is not a probe kind: http, tcp or command",
            "Probes:3:Url: is not a key of a tcp probe",
            "Probes:3:Port: 70000 is not allowed",
            "Probes:3:Host: is required",
            "Probes:4:Interval: '-5s' is not a duration",
            "Probes:4:FailureThreshold: 0 is not allowed",
            "Probes:4:File: is required",
            "Alarms: is not a key of the server configuration (allowed: Probes, Errors, Alerts, Retention, DiskGuard, QueryTimeout, MaxClockSkew)",
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
    public void Parse_DuplicateNames_NamesTheFirst()
    {
        // Arrange
        const string json = """{ "Probes": [ { "Name": "db", "Kind": "tcp", "Host": "a", "Port": 1 }, { "Name": "db", "Kind": "tcp", "Host": "b", "Port": 2 } ] }""";

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "t"));

        // Assert
        Assert.Equal("Probes:1:Name: 'db' is already the name of Probes:0; names must be unique", Assert.Single(exception.Problems));
    }

    [Theory]
    [InlineData("{ \"Probes\": [ { \"Name\": 1 ", 1)]
    [InlineData("{\n  \"Probes\": [\n    { \"Name\": \"a\", }\n    { }\n  ]\n}", 4)]
    [InlineData("{\n\n\n  \"Probes\": nope }", 4)]
    [InlineData("", 1)]
    public void Parse_MalformedJson_SaysWhichLine(string json, int line)
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "bad.json"));

        // Assert
        var problem = Assert.Single(exception.Problems);
        Assert.StartsWith($"malformed JSON at line {line}, column ", problem, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: malformed JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_IsRejected()
    {
        // Arrange
        var json = "{ \"Probes\": [ { \"Name\": " + new string('[', 10_000) + new string(']', 10_000) + " } ] }";

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "t"));

        // Assert
        Assert.Contains("malformed JSON", Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QueryTimeout_ReadsIt()
    {
        // Act
        var configuration = ServerConfigurationLoader.Parse("""{ "QueryTimeout": "5s" }""", "t");

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(5), configuration.QueryTimeout);
        Assert.Null(ServerConfigurationLoader.Parse("{}", "t").QueryTimeout);
    }

    [Fact]
    public void Parse_MaxClockSkew_ReadsIt()
    {
        // Act
        var configuration = ServerConfigurationLoader.Parse("""{ "MaxClockSkew": "1h" }""", "t");

        // Assert
        Assert.Equal(TimeSpan.FromHours(1), configuration.MaxClockSkew);
        Assert.Null(ServerConfigurationLoader.Parse("{}", "t").MaxClockSkew);
    }

    [Theory]
    [InlineData("""{ "MaxClockSkew": "soon" }""", "MaxClockSkew: 'soon' is not a duration")]
    [InlineData("""{ "MaxClockSkew": -1 }""", "MaxClockSkew: '-1' is not a duration")]
    public void Parse_MaxClockSkewNotADuration_ReportsIt(string json, string expected)
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "t"));

        // Assert
        Assert.StartsWith(expected, Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QueryTimeoutNotADuration_ReportsIt()
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse("""{ "QueryTimeout": 5 }""", "t"));

        // Assert
        Assert.StartsWith("QueryTimeout: '5' is not a duration", Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "[] is not allowed: the configuration is a JSON object")]
    [InlineData("null", "null is not allowed")]
    [InlineData("""{ "Probes": [ 42 ] }""", "Probes:0: '42' is not a probe: give its keys (Name, Kind,")]
    [InlineData("""{ "Probes": [], "probes": [] }""", "probes: is given more than once")]
    [InlineData("""{ "Probes": [ { "Name": "a", "name": "b", "Kind": "tcp", "Host": "h", "Port": 1 } ] }""", "Probes:0:name: is given more than once")]
    [InlineData("""{ "Probes": [ { "Name": null, "Kind": "tcp", "Host": "h", "Port": 1 } ] }""", "Probes:0:Name: is required")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": 1 } ] }""", "Probes:0:Kind: '1' is not a probe kind: http, tcp or command")]
    [InlineData("""{ "Probes": [ { "Name": "a" } ] }""", "Probes:0:Kind: is required: http, tcp or command")]
    [InlineData("""{ "Probes": [ { "Name": "a\u0007b", "Kind": "tcp", "Host": "h", "Port": 1 } ] }""", "Probes:0:Name: 'a\\u0007b' is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "tcp", "Host": "h", "Port": 1.5 } ] }""", "Probes:0:Port: '1.5' is not a whole number")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "tcp", "Host": "two words", "Port": 1 } ] }""", "Probes:0:Host: 'two words' is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "tcp", "Host": "h", "Port": 1, "Interval": 30 } ] }""", "Probes:0:Interval: '30' is not a duration")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "tcp", "Host": "h", "Port": 1, "Interval": "1s", "Timeout": "1s" } ] }""", "Probes:0:Timeout: 1s is not allowed: it must be shorter than the Interval")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "tcp", "Host": "h", "Port": 1, "SuccessThreshold": 101 } ] }""", "Probes:0:SuccessThreshold: 101 is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http" } ] }""", "Probes:0:Url: is required")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "/relative" } ] }""", "Probes:0:Url: '/relative' is not an absolute http:// or https:// URL")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "file:///etc/passwd" } ] }""", "Probes:0:Url: 'file:///etc/passwd' is not an absolute http:// or https:// URL")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "Method": "GET /admin" } ] }""", "Probes:0:Method: 'GET /admin' is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "ExpectedStatus": [200, 99] } ] }""", "Probes:0:ExpectedStatus:1: 99 is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "BodyContains": "" } ] }""", "Probes:0:BodyContains: '' is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "MinCertificateDays": 7 } ] }""", "Probes:0:MinCertificateDays: applies only to https:// URLs")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "https://x/", "MinCertificateDays": -1 } ] }""", "Probes:0:MinCertificateDays: -1 is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "AllowUntrustedCertificate": "yes" } ] }""", "Probes:0:AllowUntrustedCertificate: 'yes' is not true or false")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "Headers": { "X-A": "1\r\nX-Injected: 2" } } ] }""", "Probes:0:Headers:X-A: '1\\r\\nX-Injected: 2' is not allowed: a header value on one line")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "Headers": { "Bad Name": "1" } } ] }""", "Probes:0:Headers:Bad Name: 'Bad Name' is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "Headers": { "Content-Type": "text/plain" } } ] }""", "Probes:0:Headers:Content-Type: 'Content-Type' is not allowed")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "MaxLatency": "fast" } ] }""", "Probes:0:MaxLatency: 'fast' is not a duration")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "command", "File": " " } ] }""", "Probes:0:File: is required")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "command", "File": "x", "Arguments": "-h" } ] }""", "Probes:0:Arguments: '-h' is not a list (text each)")]
    public void Parse_BadValue_NamesKeyValueAndWhatIsAllowed(string json, string expected)
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "t"));

        // Assert
        Assert.True(
            exception.Problems.Any(p => p.StartsWith(expected, StringComparison.Ordinal)),
            $"expected a problem starting with \"{expected}\", got:{Environment.NewLine}{string.Join(Environment.NewLine, exception.Problems)}");
    }

    [Fact]
    public void Parse_ValuesAsText_ReadAsTheBinderReadsThem()
    {
        // Arrange: configuration values are text, as in vigil.json, appsettings.json and environment variables, so a
        // number written as a string is that number, and one status code stands for a list of it.
        const string json = """
            {
              "Probes": [
                { "Name": "db", "Kind": "tcp", "Host": "h", "Port": "80", "FailureThreshold": "4" },
                { "Name": 7, "Kind": "http", "Url": "http://x/", "ExpectedStatus": 204, "Headers": { "X-A": 1 } },
                { "Name": "run", "Kind": "command", "File": "x", "Arguments": ["ok", 2] },
              ],
            }
            """;

        // Act
        var probes = ServerConfigurationLoader.Parse(json, "t").Probes;

        // Assert
        Assert.Equal((80, 4), (probes[0].Port, probes[0].FailureThreshold));
        Assert.Equal("7", probes[1].Name);
        Assert.Equal([204], probes[1].ExpectedStatus);
        Assert.Equal("1", probes[1].Headers["X-A"]);
        Assert.Equal(["ok", "2"], probes[2].Arguments);
    }

    [Theory]
    [InlineData("""{ "Probes": {} }""")]
    [InlineData("""{ "Probes": null }""")]
    [InlineData("""{ "Probes": [ { "Name": "a", "Kind": "http", "Url": "http://x/", "Headers": [] } ] }""")]
    public void Parse_EmptyObjectArrayOrNull_IsNothingGiven(string json)
    {
        // Act: the configuration provider reads {}, [] and null alike, as a key with no value.
        var configuration = ServerConfigurationLoader.Parse(json, "t");

        // Assert
        Assert.All(configuration.Probes, p => Assert.Empty(p.Headers));
    }

    [Fact]
    public void Parse_BadProbeBeforeGoodOnes_KeepsTheirIndexes()
    {
        // Arrange
        const string json = """{ "Probes": [ 42, { "Name": "a", "Kind": "tcp", "Host": "h", "Port": 0 }, { "Name": "b", "Kind": "tcp", "Host": "h", "Port": 70000 } ] }""";

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "t"));

        // Assert
        Assert.Equal(["Probes:0", "Probes:1:Port", "Probes:2:Port"], exception.Details.Select(p => p.Path));
    }
}
