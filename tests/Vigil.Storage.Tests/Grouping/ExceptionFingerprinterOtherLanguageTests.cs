using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Stack texts as other languages' OpenTelemetry SDKs send them in <c>exception.stacktrace</c>.</summary>
public sealed class ExceptionFingerprinterOtherLanguageTests
{
    private const string Java = """
        java.lang.IllegalStateException: Order 42 has no lines
        	at com.shop.orders.OrderService.lambda$process$0(OrderService.java:{0})
        	at java.base/java.util.ArrayList.forEach(ArrayList.java:1596)
        	at com.shop.orders.OrderService.process(OrderService.java:{1})
        	at com.shop.orders.OrderService$$SpringCGLIB$$0.process(<generated>)
        	at com.shop.web.OrderController$1.handle(OrderController.java:{1})
        	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
        Caused by: java.io.IOException: disk full
        	at com.shop.storage.Disk.write(Disk.java:{0})
        	... 5 more
        """;

    private const string Python = """
        Traceback (most recent call last):
          File "{2}/orders/service.py", line {0}, in process
            total = compute(order)
          File "/usr/lib/python3.12/site-packages/pricing/engine.py", line 88, in compute
            raise KeyError(sku)
        KeyError: 'sku-123'

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "{2}/app.py", line {1}, in handle
            return process(order)
          File "{2}/orders/service.py", line {0}, in process
            raise OrderError(f"order {order.id} failed") from None
        orders.errors.OrderError: order 42 failed
        """;

    private const string Node = """
        TypeError: Cannot read properties of undefined (reading 'id')
            at OrderService.process (file://{2}/src/orders.js:{0}:15)
            at async Promise.all (index 0)
            at {2}/src/index.js:{1}:3
            at Layer.handle [as handle_request] ({2}/node_modules/express/lib/router/layer.js:95:5)
            at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
        """;

    private const string Go = """
        panic: runtime error: index out of range [5] with length 3

        goroutine 1 [running]:
        main.(*Server).handle.func1(...)
        	{2}/server.go:{0}
        main.(*Server).handle(0xc000010000, {0x1, 0x2})
        	{2}/server.go:{1} +0x1d
        net/http.HandlerFunc.ServeHTTP(0xc0000a6000?, {0x7f1c, 0xc0000b8000?}, 0x1?)
        	/usr/local/go/src/net/http/server.go:2136 +0x29
        main.main()
        	{2}/main.go:{1} +0x25

        goroutine 7 [chan receive]:
        main.worker()
        	{2}/worker.go:12 +0x1d
        """;

    public static TheoryData<string, string, string> Formats => new()
    {
        { "java", Java, "com.shop.storage.Disk.write" },
        { "python", Python, "service.process" },
        { "node", Node, "orders.OrderService.process" },
        { "go", Go, "main.Server.handle.func" },
    };

    private static ExceptionDetails Text(string format, int line, int otherLine, string root) => StackText.Details(format, line, otherLine, root);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Compute_SameSiteDifferentLinesAndRoot_SameGroup(string language, string format, string culprit)
    {
        // Arrange
        var before = Text(format, 10, 20, "/app");
        var after = Text(format, 17, 31, "/srv/releases/v2");

        // Act
        var a = before.Fingerprint();
        var b = after.Fingerprint();

        // Assert
        Assert.True(a.Value == b.Value, language + ": " + string.Join(" | ", a.Components) + " vs " + string.Join(" | ", b.Components));
        Assert.Equal(FingerprintMethod.StackTrace, a.Method);
        Assert.Equal(culprit, a.Culprit);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Compute_NoLineNumbersOrPathsInComponents_Normalized(string language, string format, string culprit)
    {
        // Arrange
        var details = Text(format, 10, 20, "/app");

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.NotNull(culprit);
        Assert.All(fingerprint.Components, c =>
        {
            Assert.DoesNotContain("/app", c, StringComparison.Ordinal);
            Assert.DoesNotContain(":10", c, StringComparison.Ordinal);
            Assert.DoesNotContain("0x", c, StringComparison.Ordinal);
        });
        Assert.True(fingerprint.Components.Count(c => c.StartsWith("frame:", StringComparison.Ordinal)) >= 2, language);
    }

    [Fact]
    public void Compute_Java_NormalizesLambdasProxiesAndAnonymousClasses()
    {
        // Act
        var fingerprint = Text(Java, 10, 20, "/app").Fingerprint();

        // Assert
        Assert.Equal(
            [
                "type:java.lang.IllegalStateException",
                "frame:com.shop.orders.OrderService.process.lambda",
                "frame:com.shop.orders.OrderService.process",
                "frame:com.shop.web.OrderController$anon.handle",
                "type:java.io.IOException",
                "frame:com.shop.storage.Disk.write",
            ],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_Python_ExceptionRaisedLastComesFirstAndLibrariesDrop()
    {
        // Act
        var fingerprint = Text(Python, 10, 20, "/app").Fingerprint();

        // Assert
        Assert.Equal(
            [
                "type:orders.errors.OrderError",
                "frame:service.process",
                "frame:app.handle",
                "type:KeyError",
                "frame:service.process",
            ],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_Node_DropsNodeModulesAndInternals()
    {
        // Act
        var fingerprint = Text(Node, 10, 20, "/app").Fingerprint();

        // Assert
        Assert.Equal(["type:TypeError", "frame:orders.OrderService.process", "frame:index.<anonymous>"], fingerprint.Components);
    }

    [Fact]
    public void Compute_Go_UsesTypeAttributeAndFirstGoroutineOnly()
    {
        // Arrange
        var details = Text(Go, 10, 20, "/app");
        details = new ExceptionDetails { Type = "runtime.boundsError", StackTrace = details.StackTrace };

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Equal(
            ["type:runtime.boundsError", "frame:main.Server.handle.func", "frame:main.Server.handle", "frame:main.main"],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_GoDebugStackFromRecordError_DropsRuntimeAndSdkFrames()
    {
        // Arrange: span.RecordError(err, trace.WithStackTrace(true)) sends runtime/debug.Stack().
        const string Text = """
            goroutine 23 [running]:
            runtime/debug.Stack()
            	/usr/local/go/src/runtime/debug/stack.go:26 +0x5e
            go.opentelemetry.io/otel/sdk/trace.recordStackTrace()
            	/root/go/pkg/mod/go.opentelemetry.io/otel/sdk@v1.32.0/trace/span.go:843 +0x1c
            go.opentelemetry.io/otel/sdk/trace.(*recordingSpan).RecordError(0xc0001a2000, {0x8a1f40, 0xc000012345}, {0xc000099e60, 0x1, 0x1})
            	/root/go/pkg/mod/go.opentelemetry.io/otel/sdk@v1.32.0/trace/span.go:478 +0x2e5
            github.com/shop/orders/internal/store.(*Store).Save(0xc000010000, {0x8a5b20, 0xc0000a2000})
            	/src/internal/store/store.go:57 +0x1b2
            github.com/shop/orders/internal/api.Handler[...].ServeHTTP({0x8a5b20?, 0xc0000a2000?}, {0x8a7e40, 0xc0001c0000})
            	/src/internal/api/handler.go:31 +0x97
            net/http.serverHandler.ServeHTTP({0xc0000b8000?}, {0x8a7e40?, 0xc0001c0000?}, 0x6?)
            	/usr/local/go/src/net/http/server.go:3142 +0x8e
            """;

        // Act
        var fingerprint = new ExceptionDetails { Type = "*fs.PathError", StackTrace = Text }.Fingerprint();

        // Assert
        Assert.Equal(
            [
                "type:*fs.PathError",
                "frame:github.com/shop/orders/internal/store.Store.Save",
                "frame:github.com/shop/orders/internal/api.Handler.ServeHTTP",
            ],
            fingerprint.Components);
        Assert.Equal("github.com/shop/orders/internal/store.Store.Save", fingerprint.Culprit);
    }

    [Fact]
    public void Compute_DifferentLanguagesSameNames_DifferentGroups()
    {
        // Act
        var java = Text(Java, 10, 20, "/app").Fingerprint();
        var node = Text(Node, 10, 20, "/app").Fingerprint();

        // Assert
        Assert.NotEqual(java.Value, node.Value);
    }
}
