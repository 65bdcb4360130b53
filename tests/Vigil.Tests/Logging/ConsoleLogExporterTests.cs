using Microsoft.Extensions.Logging;
using Vigil.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Logging;

public sealed class ConsoleLogExporterTests
{
    private const string Esc = "\u001b";

    private static readonly Dictionary<string, string> s_noEnvironment = [];
    private static readonly Dictionary<string, string> s_noColor = new() { ["NO_COLOR"] = "1" };

    private static string Run(ConsoleSinkOptions options, bool isTerminal, IReadOnlyDictionary<string, string> environment, Action<ILoggerFactory> log)
    {
        using var output = new StringWriter();
        using (var factory = LogPipeline.WithSimpleProcessor(new ConsoleLogExporter(options, output, isTerminal, environment)))
        {
            log(factory);
        }

        return output.ToString();
    }

    private static ConsoleSinkOptions Options(ConsoleFormat format = ConsoleFormat.Auto, ConsoleColorMode color = ConsoleColorMode.Auto) =>
        new() { Format = format, Color = color };

    [Fact]
    public void Export_PrettyWithoutColor_WritesTimeLevelCategoryMessageAndExtraAttributes()
    {
        // Act
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Never), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Shop.Orders");
            Log.Plain(logger, LogLevel.Warning, "Payment slow", new("elapsed_ms", 1250.5), new("gateway", "acme pay"), new("retried", true));
        });

        // Assert
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}\.\d{3} ", text);
        Assert.Equal(" WRN Shop.Orders: Payment slow elapsed_ms=1250.5 gateway=\"acme pay\" retried=true\n", text[12..]);
    }

    [Fact]
    public void Export_PrettyTemplateHoles_AreNotRepeatedAsAttributes()
    {
        // Act
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Never), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Shop");
            Log.Item(logger, 7);
        });

        // Assert
        Assert.EndsWith(" INF Shop: Item 7\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_PrettyInsideActivity_AppendsTraceAndSpan()
    {
        // Arrange
        using var source = new System.Diagnostics.ActivitySource("Vigil.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = candidate => candidate == source,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var expected = string.Empty;

        // Act
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Never), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Traced");
            using var activity = source.StartActivity("work")!;
            expected = $" trace={activity.TraceId.ToHexString()} span={activity.SpanId.ToHexString()}\n";
            Log.Note(logger, "inside");
        });

        // Assert
        Assert.EndsWith("Note inside" + expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_PrettyException_FollowsOnIndentedLines()
    {
        // Arrange
        Exception exception;
        try
        {
            throw new InvalidOperationException("outer", new ArgumentException("inner"));
        }
        catch (InvalidOperationException thrown)
        {
            exception = thrown;
        }

        // Act
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Never), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Failing");
            Log.CheckoutFailed(logger, exception, 9);
        });

        // Assert
        var lines = text[..^1].Split('\n');
        Assert.EndsWith(" ERR Failing: Checkout failed for 9", lines[0], StringComparison.Ordinal);
        Assert.Equal("    System.InvalidOperationException: outer", lines[1]);
        Assert.Contains(lines, line => line.Contains("---> System.ArgumentException: inner", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), line => Assert.StartsWith("    ", line, StringComparison.Ordinal));
        Assert.True(lines.Length > 3, "the stack trace should follow");
    }

    [Fact]
    public void Export_PrettyHostileMessage_EscapesControlCharactersOnOneLine()
    {
        // Act
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Never), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Hostile");
            Log.Note(logger, "x\u001b[2J\r\n12:00:00.000 CRT forged\u0007");
        });

        // Assert
        Assert.DoesNotContain(Esc, text, StringComparison.Ordinal);
        Assert.Single(text[..^1].Split('\n'));
        Assert.EndsWith(@"Note x\x1B[2J\r\n12:00:00.000 CRT forged\x07" + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_PrettyLongCategory_IsShortened()
    {
        // Act
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Never), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics.Internal");
            Log.Note(logger, "hi");
        });

        // Assert
        Assert.EndsWith(" INF M.A.Hosting.Diagnostics.Internal: Note hi\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRC", "\u001b[90m")]
    [InlineData(LogLevel.Debug, "DBG", "\u001b[2m")]
    [InlineData(LogLevel.Information, "INF", "\u001b[32m")]
    [InlineData(LogLevel.Warning, "WRN", "\u001b[33m")]
    [InlineData(LogLevel.Error, "ERR", "\u001b[31m")]
    [InlineData(LogLevel.Critical, "CRT", "\u001b[1;97;41m")]
    public void Export_ColorAlways_ColoursTheLevel(LogLevel level, string shortName, string style)
    {
        // Act: Always wins even over a redirected output and NO_COLOR.
        var text = Run(Options(ConsoleFormat.Pretty, ConsoleColorMode.Always), isTerminal: false, s_noColor, factory =>
        {
            var logger = factory.CreateLogger("Colour");
            Log.AtLevel(logger, level, 3);
        });

        // Assert
        Assert.Contains(style + shortName + Esc + "[0m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_AutoOnTerminal_IsPrettyAndColoured()
    {
        // Act
        var text = Run(Options(), isTerminal: true, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Auto");
            Log.Note(logger, "hi");
        });

        // Assert
        Assert.Contains(Esc + "[32mINF" + Esc + "[0m", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_AutoOnTerminalWithNoColor_IsPrettyWithoutColour()
    {
        // Act
        var text = Run(Options(), isTerminal: true, s_noColor, factory =>
        {
            var logger = factory.CreateLogger("Auto");
            Log.Note(logger, "hi");
        });

        // Assert
        Assert.DoesNotContain(Esc, text, StringComparison.Ordinal);
        Assert.EndsWith(" INF Auto: Note hi\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoColorEmpty_KeepsColour()
    {
        // Arrange: no-color.org says only a non-empty NO_COLOR turns colour off.
        var environment = new Dictionary<string, string> { ["NO_COLOR"] = string.Empty };

        // Act
        using var exporter = new ConsoleLogExporter(Options(), TextWriter.Null, outputIsTerminal: true, environment);

        // Assert
        Assert.True(exporter.UsesColor);
        Assert.False(exporter.IsJson);
    }

    [Fact]
    public void Export_PrettyRedirectedColorAuto_HasNoColour()
    {
        // Act
        var text = Run(Options(ConsoleFormat.Pretty), isTerminal: false, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Piped");
            Log.Note(logger, "hi");
        });

        // Assert
        Assert.DoesNotContain(Esc, text, StringComparison.Ordinal);
        Assert.EndsWith(" INF Piped: Note hi\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_AutoRedirected_WritesJsonLines()
    {
        // Act
        var text = Run(Options(), isTerminal: false, s_noEnvironment, factory =>
        {
            var logger = factory.CreateLogger("Piped");
            Log.Note(logger, "one");
            Log.Note(logger, "two");
        });

        // Assert
        var lines = text[..^1].Split('\n').Select(JsonLines.ParseLine).ToArray();
        Assert.Equal(["Note one", "Note two"], lines.Select(line => line.GetProperty("message").GetString()));
        Assert.DoesNotContain(Esc, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_JsonOnTerminal_WritesExactlyTheFileSinkLine()
    {
        // Arrange
        using var temp = new TempDirectory();
        var fileOptions = new FileSinkOptions { Enabled = true, Path = temp.Combine("vigil.jsonl") };
        using var output = new StringWriter();
        using (var factory = LogPipeline.WithSimpleProcessor(
            new ConsoleLogExporter(Options(ConsoleFormat.Json, ConsoleColorMode.Always), output, outputIsTerminal: true, s_noEnvironment),
            new RollingFileLogExporter(fileOptions)))
        {
            var logger = factory.CreateLogger("Both");

            // Act
            Log.OrderPlaced(logger, 5, "zoë \"q\"\n", 1.25m, false, DateTimeOffset.UnixEpoch, Guid.Empty);
        }

        // Assert
        Assert.Equal(File.ReadAllText(fileOptions.Path), output.ToString());
        Assert.Equal("zoë \"q\"\n", JsonLines.ParseLine(output.ToString().TrimEnd('\n')).GetProperty("attributes").GetProperty("Customer").GetString());
    }

    [Fact]
    public void Export_OutputThrows_ReportsAndDoesNotThrow()
    {
        // Arrange
        using var events = new SdkEventCollector();
        var exporter = new ConsoleLogExporter(Options(ConsoleFormat.Pretty), new ThrowingTextWriter(), outputIsTerminal: true, s_noEnvironment);
        var recorder = new ExportResultRecorder(exporter);
        using var factory = LogPipeline.Create(recorder);
        var logger = factory.CreateLogger("Broken");

        // Act
        Log.Note(logger, "lost");

        // Assert
        Assert.Equal([OpenTelemetry.ExportResult.Failure], recorder.Results);
        Assert.Equal(1, exporter.FailedBatches);
        Assert.Contains(events.Events, e => e.EventName == "SinkFailed" && (string?)e.Payload![0] == ConsoleLogExporter.SinkName);
    }
}
