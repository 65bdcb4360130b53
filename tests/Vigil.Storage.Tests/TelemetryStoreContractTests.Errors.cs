using Vigil.Grouping;
using Vigil.Model;
using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error tracking: exceptions in written telemetry form error groups.</summary>
public abstract partial class TelemetryStoreContractTests
{
    /// <summary>Creates another new, empty store with <paramref name="options"/>; the test disposes it, <see cref="DeleteStoreAsync"/> removes it.</summary>
    protected abstract Task<ITelemetryStore> CreateOtherStoreAsync(TelemetryStoreOptions options);

    protected Task<IReadOnlyList<ErrorGroup>> GroupsAsync(ErrorGroupQuery? query = null) =>
        Store.QueryErrorGroupsAsync(query ?? new ErrorGroupQuery());

    [Fact]
    public async Task WriteAsync_LogRecordWithException_FormsGroupWithItsDetails()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.FromCheckout(42));
        var time = DateTimeOffset.UtcNow.AddMinutes(-1);

        // Act
        await WriteLogsAsync(SomeErrors.Log(exception, time, release: "1.4.0", trace: 7, span: 3));

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", group.Type);
        Assert.Equal("Key 42 is missing", group.Message);
        Assert.Equal("Vigil.Storage.Tests.Grouping.ThrowSite.Fail", group.Culprit);
        Assert.Equal(FingerprintMethod.StackTrace, group.Method);
        Assert.Equal(ExceptionFingerprinter.Version, group.GroupingVersion);
        Assert.Equal(64, group.Fingerprint.Length);
        Assert.Null(group.StackTrace);
        var shown = await Store.GetErrorGroupAsync(group.Id, 0, 0);
        Assert.Contains("ThrowSite.FromCheckout", shown!.Group.StackTrace, StringComparison.Ordinal);
        Assert.Equal(1, group.Count);
        Assert.Equal(time, group.FirstSeen);
        Assert.Equal(time, group.LastSeen);
        Assert.Equal(["checkout"], group.Services);
        Assert.Equal(["1.4.0"], group.Releases);
        Assert.Equal(ErrorGroupStatus.Unresolved, group.Status);
        Assert.False(group.IsRegression);
        Assert.Equal(ErrorSeverity.Medium, group.Severity);
        var detail = await Store.GetErrorGroupAsync(group.Id, hours: 2, latestEvents: 5);
        var stored = Assert.Single(detail!.LatestEvents);
        Assert.Equal(Some.TraceId(7), stored.TraceId);
        Assert.Equal(Some.SpanId(3), stored.SpanId);
        Assert.Equal(ErrorEventSource.Log, stored.Source);
        Assert.Equal("1.4.0", stored.Release);
        Assert.Equal(group.Id, stored.GroupId);
    }

    [Fact]
    public async Task WriteAsync_LogRecordsWithoutExceptionOrBelowMinimumSeverity_FormNoGroup()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));

        // Act
        await WriteLogsAsync(
            Some.Log("no exception here", severity: 21),
            SomeErrors.Log(exception, severity: 13),
            Some.Log("empty fields") with { ExceptionType = "", ExceptionStackTrace = "" });

        // Assert
        Assert.Empty(await GroupsAsync());
    }

    [Fact]
    public async Task WriteAsync_LogRecordWithoutSeverity_CountsAsError()
    {
        // Act
        await WriteLogsAsync(SomeErrors.Log(SomeErrors.Thrown(() => ThrowSite.Fail(1)), severity: 0));

        // Assert
        Assert.Single(await GroupsAsync());
    }

    [Fact]
    public async Task WriteAsync_SameThrowSiteWithDifferentIds_FormsOneGroup()
    {
        // Arrange: the message differs only in the id; the stack is the same code path.
        var logs = Enumerable.Range(1, 4).Select(i => SomeErrors.Log(SomeErrors.Thrown(() => ThrowSite.FromCheckout(i * 1000)))).ToArray();

        // Act
        await WriteLogsAsync(logs);

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal(4, group.Count);
    }

    [Fact]
    public async Task WriteAsync_CorpusOfRealExceptions_FormsExpectedGroups()
    {
        // Arrange: the same bug reached through async chains, generics and after wrapping, plus distinct bugs.
        Exception[] exceptions =
        [
            SomeErrors.Thrown(() => Corpus.OuterAsync(1).GetAwaiter().GetResult()),
            SomeErrors.Thrown(() => Corpus.OuterAsync(2).GetAwaiter().GetResult()),
            SomeErrors.Thrown(() => new Repository<string>().Find(42)),
            SomeErrors.Thrown(() => new Repository<Uri>().Find("k")),
            SomeErrors.Thrown(() => Corpus.Wrapped("x")),
            SomeErrors.Thrown(() => Corpus.Wrapped("y")),
            SomeErrors.Thrown(() => Corpus.Lambda(5)),
            SomeErrors.Thrown(() => Corpus.Lambda(6)),
            SomeErrors.Thrown(Corpus.Aggregate),
            SomeErrors.Thrown(() => ThrowSite.FromCheckout(1)),
            SomeErrors.Thrown(() => ThrowSite.FromRefund(1)),
        ];

        // Act: half as log records, half as span events, as different SDK paths report them.
        await Store.WriteAsync(new TelemetryBatch
        {
            Logs = [.. exceptions.Where((_, i) => i % 2 == 0).Select(e => SomeErrors.Log(e))],
            Spans = [.. exceptions.Select((e, i) => (e, i)).Where(x => x.i % 2 == 1).Select(x => SomeErrors.Span(x.e, span: x.i + 1))],
        });

        // Assert: async x2, generic x2, wrapped x2, lambda x2 each one group; aggregate, checkout, refund apart.
        var groups = await GroupsAsync();
        Assert.Equal(7, groups.Count);
        Assert.Equal([1, 1, 1, 2, 2, 2, 2], groups.Select(g => g.Count).Order());
        Assert.Contains(groups, g => g.Type == "System.AggregateException" && g.Count == 1);
        Assert.Contains(groups, g => g.Culprit == "Vigil.Storage.Tests.Grouping.Corpus.InnerAsync" && g.Count == 2);
    }

    [Fact]
    public async Task WriteAsync_SameDotNetCodeAfterLineShiftAndRedeploy_StaysOneGroup()
    {
        // Arrange: the next release of the same code: every line moved, the build path changed.
        var exception = SomeErrors.Thrown(() => Corpus.Wrapped("x"));
        var stack = exception.ToString();
        var shifted = System.Text.RegularExpressions.Regex.Replace(stack, @":line (\d+)", m => ":line " + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 17).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace(" in /", " in /srv/build/2/", StringComparison.Ordinal);
        Assert.NotEqual(stack, shifted);

        // Act
        await WriteLogsAsync(
            SomeErrors.Log(exception, release: "1.0"),
            SomeErrors.Log(exception, release: "1.1") with { ExceptionStackTrace = shifted });

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal(2, group.Count);
        Assert.Equal(["1.0", "1.1"], group.Releases);
    }

    [Fact]
    public async Task WriteAsync_JavaAndPythonStacksFromSpanEvents_GroupAcrossLineShifts()
    {
        // Arrange: another language's SDK sends its own stack format over OTLP; a redeploy shifts the lines.
        const string Java = """
            java.lang.IllegalStateException: Order {0} has no lines
            	at com.shop.orders.OrderService.process(OrderService.java:{1})
            	at com.shop.web.OrderController.handle(OrderController.java:{2})
            	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
            """;
        const string Python = """
            Traceback (most recent call last):
              File "/srv/app/orders/service.py", line {1}, in process
                raise OrderError(f"order {0} failed")
            orders.errors.OrderError: order {0} failed
            """;

        // Act
        await WriteSpansAsync(
            SomeErrors.Span("java.lang.IllegalStateException", "Order 1 has no lines", Format(Java, 1, 40, 12), service: "orders-java", span: 1),
            SomeErrors.Span("java.lang.IllegalStateException", "Order 2 has no lines", Format(Java, 2, 47, 19), service: "orders-java", span: 2),
            SomeErrors.Span("OrderError", "order 1 failed", Format(Python, 1, 10, 0), service: "orders-py", span: 3),
            SomeErrors.Span("OrderError", "order 9 failed", Format(Python, 9, 14, 0), service: "orders-py", span: 4));

        // Assert
        var groups = await GroupsAsync();
        Assert.Equal(2, groups.Count);
        var java = Assert.Single(groups, g => g.Services.SequenceEqual(["orders-java"]));
        Assert.Equal(2, java.Count);
        Assert.Equal("com.shop.orders.OrderService.process", java.Culprit);
        Assert.Equal(2, Assert.Single(groups, g => g.Services.SequenceEqual(["orders-py"])).Count);
    }

    [Fact]
    public async Task WriteAsync_ExplicitFingerprintAttribute_OverridesGrouping()
    {
        // Arrange: two different bugs that the application says are one.
        KeyValuePair<string, object?>[] explicitGroup = [new("vigil.fingerprint", "payment-provider-down")];

        // Act
        await WriteLogsAsync(
            SomeErrors.Log(SomeErrors.Thrown(() => ThrowSite.Fail(1)), attributes: explicitGroup),
            SomeErrors.Log(SomeErrors.Thrown(() => Corpus.Lambda(1)), attributes: explicitGroup));

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal(FingerprintMethod.Explicit, group.Method);
        Assert.Equal(2, group.Count);
    }

    [Fact]
    public async Task WriteAsync_SpanEventsNotNamedException_FormNoGroup()
    {
        // Arrange
        var span = SomeErrors.Span(SomeErrors.Thrown(() => ThrowSite.Fail(1)));
        span = span with { Events = [span.Events[0] with { Name = "Exception" }, new SpanEventEntry { Name = "retry" }] };

        // Act
        await WriteSpansAsync(span);

        // Assert
        Assert.Empty(await GroupsAsync());
    }

    [Fact]
    public async Task WriteAsync_HostileExceptionFields_StoresWithoutFailing()
    {
        // Arrange: no type, no message, binary junk, a huge stack and attributes of every shape.
        var junk = new string('\0', 3) + "\uFFFF" + new string('x', 100_000);
        var spans = new[]
        {
            SomeErrors.Span("", null, null, span: 1),
            SomeErrors.Span(junk, junk, junk, span: 2),
            SomeErrors.Span("   ", "  ", "at at at\n\n\tat", span: 3, attributes: [new("vigil.fingerprint", null), new("n", 3), new("b", new byte[] { 1 })]),
        };

        // Act
        await WriteSpansAsync(spans);

        // Assert
        var groups = await GroupsAsync();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.NotNull(g.Type));
        Assert.Contains(groups, g => g.Type == "Exception");
        Assert.Equal(3, groups.Sum(g => g.Count));
    }

    [Fact]
    public async Task WriteAsync_ErrorTrackingDisabled_StoresNoErrorData()
    {
        // Arrange
        await using var store = await CreateOtherStoreAsync(new TelemetryStoreOptions { ErrorTracking = new() { Enabled = false } });
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));

        // Act
        await store.WriteAsync(new TelemetryBatch { Logs = [SomeErrors.Log(exception)], Spans = [SomeErrors.Span(exception)] });

        // Assert
        Assert.Empty(await store.QueryErrorGroupsAsync(new ErrorGroupQuery()));
        Assert.Single(await store.QueryLogsAsync(new LogQuery()));
    }

    private static string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}
