using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Vigil.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Logging;

public sealed class RollingFileLogExporterTests : IDisposable
{
    private static readonly string[] s_tags = ["a", "b"];
    private static readonly object?[] s_numbers = [1, 2.5, null, new[] { true }];
    private static readonly string[] s_rolledOldestFirst = ["vigil.2.jsonl", "vigil.1.jsonl", "vigil.jsonl"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FileSinkOptions Options(long maxFileSizeBytes = FileSinkOptions.DefaultMaxFileSizeBytes, int maxFiles = FileSinkOptions.DefaultMaxFiles) => new()
    {
        Enabled = true,
        Path = _temp.Combine("logs", "vigil.jsonl"),
        MaxFileSizeBytes = maxFileSizeBytes,
        MaxFiles = maxFiles,
    };

    [Fact]
    public void Export_StructuredRecord_WritesEveryField()
    {
        // Arrange
        var options = Options();
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            var logger = factory.CreateLogger("Shop.Orders");

            // Act
            Log.OrderPlaced(logger, 1234L, "ann", 12.5m, true, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
        }

        // Assert
        var line = Assert.Single(JsonLines.Parse(options.Path));
        var timestamp = line.GetProperty("timestamp").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$", timestamp);
        Assert.Equal(DateTimeKind.Utc, DateTime.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Kind);
        Assert.Equal("Warning", line.GetProperty("level").GetString());
        Assert.Equal(13, line.GetProperty("severity_number").GetInt32());
        Assert.Equal("Shop.Orders", line.GetProperty("category").GetString());
        Assert.Equal(42, line.GetProperty("event_id").GetInt32());
        Assert.Equal("OrderPlaced", line.GetProperty("event_name").GetString());
        Assert.Equal("Order {OrderId} for {Customer} costs {Total} paid {Paid} at {When} id {Id}", line.GetProperty("template").GetString());
        Assert.StartsWith("Order 1234 for ann costs 12.5 paid True at ", line.GetProperty("message").GetString(), StringComparison.Ordinal);

        var attributes = line.GetProperty("attributes");
        Assert.Equal(JsonValueKind.Number, attributes.GetProperty("OrderId").ValueKind);
        Assert.Equal(1234L, attributes.GetProperty("OrderId").GetInt64());
        Assert.Equal("ann", attributes.GetProperty("Customer").GetString());
        Assert.Equal(12.5m, attributes.GetProperty("Total").GetDecimal());
        Assert.Equal(JsonValueKind.True, attributes.GetProperty("Paid").ValueKind);
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", attributes.GetProperty("When").GetString());
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", attributes.GetProperty("Id").GetString());
        Assert.False(attributes.TryGetProperty("{OriginalFormat}", out _));
        Assert.Equal(6, attributes.EnumerateObject().Count());

        Assert.False(line.TryGetProperty("trace_id", out _));
        Assert.False(line.TryGetProperty("span_id", out _));
        Assert.False(line.TryGetProperty("exception", out _));
    }

    [Fact]
    public void Export_RecordWithoutEventId_OmitsEventFields()
    {
        // Arrange
        var options = Options();
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act
            var logger = factory.CreateLogger("Plain");
            Log.Plain(logger, LogLevel.Information, "Started");
        }

        // Assert
        var line = Assert.Single(JsonLines.Parse(options.Path));
        Assert.False(line.TryGetProperty("event_id", out _));
        Assert.False(line.TryGetProperty("event_name", out _));
        Assert.Equal("Started", line.GetProperty("message").GetString());
        Assert.Equal("Started", line.GetProperty("template").GetString());
        Assert.Empty(line.GetProperty("attributes").EnumerateObject());
    }

    [Theory]
    [InlineData(LogLevel.Trace, "Trace", 1)]
    [InlineData(LogLevel.Debug, "Debug", 5)]
    [InlineData(LogLevel.Information, "Information", 9)]
    [InlineData(LogLevel.Warning, "Warning", 13)]
    [InlineData(LogLevel.Error, "Error", 17)]
    [InlineData(LogLevel.Critical, "Critical", 21)]
    public void Export_EachLevel_WritesLevelNameAndSeverityNumber(LogLevel level, string name, int severityNumber)
    {
        // Arrange
        var options = Options();
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act
            var logger = factory.CreateLogger("Levels");
            Log.AtLevel(logger, level, 1);
        }

        // Assert
        var line = Assert.Single(JsonLines.Parse(options.Path));
        Assert.Equal(name, line.GetProperty("level").GetString());
        Assert.Equal(severityNumber, line.GetProperty("severity_number").GetInt32());
    }

    [Fact]
    public void Export_HostileStrings_AreEscapedAndStayOnOneLine()
    {
        // Arrange
        const string Hostile = "quote\" backslash\\ newline\n return\r tab\t nul\0 bell\u0007 esc\u001b[31m lone\uD800 end \uDC00 emoji😀 é";
        const string Repaired = "quote\" backslash\\ newline\n return\r tab\t nul\0 bell\u0007 esc\u001b[31m lone\uFFFD end \uFFFD emoji😀 é";
        var options = Options();
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act
            var hostile = factory.CreateLogger("Hostile\"\n");
            var next = factory.CreateLogger("Next");
            Log.Note(hostile, Hostile);
            Log.Note(next, "after");
        }

        // Assert
        var lines = JsonLines.Parse(options.Path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Note " + Repaired, lines[0].GetProperty("message").GetString());
        Assert.Equal(Repaired, lines[0].GetProperty("attributes").GetProperty("Text").GetString());
        Assert.Equal("Hostile\"\n", lines[0].GetProperty("category").GetString());
        Assert.Equal("Note after", lines[1].GetProperty("message").GetString());
    }

    [Fact]
    public void Export_SequencesNonFiniteAndThrowingValues_WriteJsonTypesAndKeepTheRecord()
    {
        // Arrange
        var options = Options();
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act: a plain record, because a template would call the throwing ToString while formatting.
            var logger = factory.CreateLogger("Values");
            Log.Plain(logger, LogLevel.Information, "values", new("tags", s_tags), new("numbers", s_numbers), new("odd\"key\n\uD800", 1), new("nan", double.NaN), new("inf", double.PositiveInfinity), new("bad", new ThrowingToString()), new("none", null));
        }

        // Assert
        var attributes = Assert.Single(JsonLines.Parse(options.Path)).GetProperty("attributes");
        Assert.Equal(["a", "b"], attributes.GetProperty("tags").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal("[1,2.5,null,[true]]", attributes.GetProperty("numbers").GetRawText());
        Assert.Equal("NaN", attributes.GetProperty("nan").GetProperty("$double").GetString());
        Assert.Equal(1, attributes.GetProperty("odd\"key\n\uFFFD").GetInt32());
        Assert.Equal("Infinity", attributes.GetProperty("inf").GetProperty("$double").GetString());
        Assert.Contains("threw InvalidOperationException", attributes.GetProperty("bad").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, attributes.GetProperty("none").ValueKind);
    }

    [Fact]
    public void Export_HostileNestingAndBytes_WrittenAsTheStoreWritesThem()
    {
        // Arrange: 10,000 levels of arrays, built in code; the old writer turned level 4 into "System.Object[]".
        object? deep = "leaf";
        for (var i = 0; i < 10_000; i++)
        {
            deep = new object?[] { deep };
        }

        var options = Options();
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act
            Log.Plain(factory.CreateLogger("Deep"), LogLevel.Information, "deep", new("deep", deep), new("bytes", new byte[] { 1, 2, 3 }), new("one", 1.0));
        }

        // Assert: the same cap, bytes and double forms as the store and the query API (AttributeValueEncoder).
        var attributes = Assert.Single(JsonLines.Parse(options.Path)).GetProperty("attributes");
        var value = attributes.GetProperty("deep");
        for (var i = 0; i < Model.Json.AttributeValueEncoder.MaxDepth; i++)
        {
            value = Assert.Single(value.EnumerateArray());
        }

        Assert.Equal(Model.Json.AttributeValueEncoder.TooDeep, value.GetString());
        Assert.Equal([1, 2, 3], attributes.GetProperty("bytes").GetProperty("$bytes").GetBytesFromBase64());
        Assert.Equal("1.0", attributes.GetProperty("one").GetRawText());
    }

    [Fact]
    public void Export_InsideActivity_WritesTraceAndSpanIds()
    {
        // Arrange
        var options = Options();
        using var source = new ActivitySource("Vigil.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceId;
        string spanId;
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            var logger = factory.CreateLogger("Traced");

            // Act
            using (var activity = source.StartActivity("checkout"))
            {
                Assert.NotNull(activity);
                traceId = activity.TraceId.ToHexString();
                spanId = activity.SpanId.ToHexString();
                Log.Note(logger, "inside");
            }

            Log.Note(logger, "outside");
        }

        // Assert
        var lines = JsonLines.Parse(options.Path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(traceId, lines[0].GetProperty("trace_id").GetString());
        Assert.Equal(spanId, lines[0].GetProperty("span_id").GetString());
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.False(lines[1].TryGetProperty("trace_id", out _));
        Assert.False(lines[1].TryGetProperty("span_id", out _));
    }

    [Fact]
    public void Export_ExceptionWithInner_WritesTypeMessageAndFullText()
    {
        // Arrange
        var options = Options();
        var exception = Thrown(() => throw new InvalidOperationException("outer failure", Thrown(() => throw new ArgumentException("inner failure"))));
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act
            var logger = factory.CreateLogger("Failing");
            Log.CheckoutFailed(logger, exception, 7);
        }

        // Assert
        var error = Assert.Single(JsonLines.Parse(options.Path)).GetProperty("exception");
        Assert.Equal("System.InvalidOperationException", error.GetProperty("type").GetString());
        Assert.Equal("outer failure", error.GetProperty("message").GetString());
        var text = error.GetProperty("stacktrace").GetString()!;
        Assert.StartsWith("System.InvalidOperationException: outer failure", text, StringComparison.Ordinal);
        Assert.Contains("---> System.ArgumentException: inner failure", text, StringComparison.Ordinal);
        Assert.Contains(nameof(Export_ExceptionWithInner_WritesTypeMessageAndFullText), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ThroughBatchProcessor_WritesEveryRecordByDispose()
    {
        // Arrange
        var options = Options();
        const int Count = 500;
        using (var factory = LogPipeline.Create(new BatchLogRecordExportProcessor(new RollingFileLogExporter(options), maxQueueSize: 2048, scheduledDelayMilliseconds: 60_000, exporterTimeoutMilliseconds: 30_000, maxExportBatchSize: 64)))
        {
            var logger = factory.CreateLogger("Batched");

            // Act
            for (var i = 0; i < Count; i++)
            {
                Log.Item(logger, i);
            }
        }

        // Assert
        var indexes = JsonLines.Parse(options.Path).Select(line => line.GetProperty("attributes").GetProperty("Index").GetInt32());
        Assert.Equal(Enumerable.Range(0, Count), indexes);
    }

    [Fact]
    public void Export_ManyRecords_RollsBySizeAndCountWithoutLosingOrSplittingLines()
    {
        // Arrange
        var options = Options(maxFileSizeBytes: 2048, maxFiles: 3);
        const int Count = 300;
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            var logger = factory.CreateLogger("Rolling");

            // Act
            for (var i = 0; i < Count; i++)
            {
                var padding = new string('x', i % 50);
                Log.PaddedItem(logger, i, padding);
            }
        }

        // Assert
        Assert.Equal(["vigil.1.jsonl", "vigil.2.jsonl", "vigil.jsonl"], _temp.FileNames("logs"));
        var oldestFirst = s_rolledOldestFirst.Select(name => _temp.Combine("logs", name)).ToArray();
        foreach (var path in oldestFirst)
        {
            Assert.InRange(new FileInfo(path).Length, 1, options.MaxFileSizeBytes);
        }

        var indexes = oldestFirst.SelectMany(JsonLines.Parse).Select(line => line.GetProperty("attributes").GetProperty("Index").GetInt32()).ToArray();
        Assert.Equal(Count - 1, indexes[^1]);
        Assert.Equal(Enumerable.Range(indexes[0], indexes.Length), indexes);
    }

    [Fact]
    public void Export_AfterCrashMidLine_EndsTheBrokenLineAndWritesIntactLines()
    {
        // Arrange
        var options = Options();
        Directory.CreateDirectory(Path.GetDirectoryName(options.Path)!);
        File.WriteAllText(options.Path, "{\"message\":\"before\"}\n{\"message\":\"half-writ");
        using (var factory = LogPipeline.WithSimpleProcessor(new RollingFileLogExporter(options)))
        {
            // Act
            var logger = factory.CreateLogger("Restarted");
            Log.Note(logger, "first");
            Log.Note(logger, "second");
        }

        // Assert
        var lines = JsonLines.ReadLines(options.Path);
        Assert.Equal(4, lines.Length);
        Assert.Equal("{\"message\":\"half-writ", lines[1]);
        Assert.Equal("before", JsonLines.ParseLine(lines[0]).GetProperty("message").GetString());
        Assert.Equal("Note first", JsonLines.ParseLine(lines[2]).GetProperty("message").GetString());
        Assert.Equal("Note second", JsonLines.ParseLine(lines[3]).GetProperty("message").GetString());
    }

    [Fact]
    public void Export_ManyThreadsAtOnce_WritesEveryLineWholeWhileRolling()
    {
        // Arrange
        const int Threads = 8;
        const int PerThread = 2000;
        var options = Options(maxFileSizeBytes: 128 * 1024, maxFiles: 1000);
        var recorder = new ExportResultRecorder(new RollingFileLogExporter(options));
        using (var factory = LogPipeline.Create(recorder))
        {
            var logger = factory.CreateLogger("Concurrent");
            using var start = new Barrier(Threads);

            // Act: the recorder has no lock, so these threads call the exporter's Export concurrently.
            var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    Log.ThreadItem(logger, thread, i);
                }
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());
        }

        // Assert
        Assert.All(recorder.Results, result => Assert.Equal(ExportResult.Success, result));
        var files = _temp.FileNames("logs");
        Assert.True(files.Length > 1, "rotation should have happened");
        var seen = files
            .SelectMany(name => JsonLines.Parse(_temp.Combine("logs", name)))
            .Select(line => (line.GetProperty("attributes").GetProperty("Thread").GetInt32(), line.GetProperty("attributes").GetProperty("Index").GetInt32()))
            .ToList();
        Assert.Equal(Threads * PerThread, seen.Count);
        Assert.Equal(Threads * PerThread, seen.Distinct().Count());
    }

    [Fact]
    public void Export_PathIsADirectory_ReturnsFailureReportsAndRecoversLater()
    {
        // Arrange
        var options = Options();
        Directory.CreateDirectory(options.Path);
        using var events = new SdkEventCollector();
        var exporter = new RollingFileLogExporter(options);
        var recorder = new ExportResultRecorder(exporter);
        using (var factory = LogPipeline.Create(recorder))
        {
            var logger = factory.CreateLogger("Unwritable");

            // Act
            Log.Note(logger, "lost one");
            Log.Note(logger, "lost two");
            Directory.Delete(options.Path);
            Log.Note(logger, "kept");

            // Assert
            Assert.Equal([ExportResult.Failure, ExportResult.Failure, ExportResult.Success], recorder.Results);
            Assert.Equal(2, exporter.FailedBatches);
            Assert.Equal(2, exporter.DroppedRecords);
        }

        var line = Assert.Single(JsonLines.Parse(options.Path));
        Assert.Equal("Note kept", line.GetProperty("message").GetString());
        Assert.Contains(events.Events, e => e.EventName == "SinkFailed" && (string?)e.Payload![0] == RollingFileLogExporter.SinkName);
    }

    [Fact]
    public void Export_AfterShutdown_ReturnsFailureAndLeavesFileClosed()
    {
        // Arrange
        var options = Options();
        var exporter = new RollingFileLogExporter(options);
        var recorder = new ExportResultRecorder(exporter);
        using var factory = LogPipeline.Create(recorder);
        var logger = factory.CreateLogger("Closing");
        Log.Note(logger, "before");

        // Act
        var shutdown = exporter.Shutdown();
        Log.Note(logger, "after");

        // Assert
        Assert.True(shutdown);
        Assert.Equal([ExportResult.Success, ExportResult.Failure], recorder.Results);
        using (var exclusive = new FileStream(options.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            // Opening without sharing succeeds only because the exporter let go of the file.
            Assert.True(exclusive.Length > 0);
        }

        Assert.Equal("Note before", Assert.Single(JsonLines.Parse(options.Path)).GetProperty("message").GetString());
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The action did not throw.");
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("no text");
    }
}
