using System.Text.RegularExpressions;
using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Exceptions thrown by real .NET code and captured with <c>ToString()</c>, as OpenTelemetry .NET exports them.</summary>
public sealed partial class ExceptionFingerprinterDotNetTests
{
    [Fact]
    public void Compute_AsyncChain_KeepsLogicalMethodsAndDropsPlumbing()
    {
        // Arrange
        var details = Captured.FromAsync(() => Corpus.OuterAsync(1));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Equal(FingerprintMethod.StackTrace, fingerprint.Method);
        Assert.Equal(
            [
                "type:System.InvalidOperationException",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.InnerAsync",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.MiddleAsync",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.OuterAsync",
            ],
            fingerprint.Shape());
        Assert.Equal("Vigil.Storage.Tests.Grouping.Corpus.InnerAsync", fingerprint.Culprit);
        Assert.Equal(64, fingerprint.Value.Length);
    }

    [Fact]
    public void Compute_SameSiteDifferentIds_SameGroup()
    {
        // Arrange
        var first = Captured.FromAsync(() => Corpus.OuterAsync(1));
        var second = Captured.FromAsync(() => Corpus.OuterAsync(987654));

        // Act / Assert
        Assert.Equal(first.Fingerprint().Value, second.Fingerprint().Value);
    }

    [Fact]
    public void Compute_Lambda_NamesEnclosingMethodWithoutCompilerSuffix()
    {
        // Arrange
        var details = Captured.From(() => Corpus.Lambda(5));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Contains("b__", details.StackTrace, StringComparison.Ordinal);
        Assert.Contains("frame:Vigil.Storage.Tests.Grouping.Corpus.Lambda.lambda", fingerprint.Components);
        Assert.DoesNotContain(fingerprint.Components, c => c.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ClosureThroughLinq_KeepsOnlyApplicationFrames()
    {
        // Arrange
        var details = Captured.From(() => Corpus.ClosureLambda(5));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Contains("System.Linq", details.StackTrace, StringComparison.Ordinal);
        Assert.Equal(
            [
                "type:System.FormatException",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.ClosureLambda.lambda",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.ClosureLambda",
            ],
            fingerprint.Shape());
    }

    [Fact]
    public void Compute_LocalFunction_NamesOuterDotInner()
    {
        // Arrange
        var details = Captured.From(() => Corpus.LocalFunction(-1));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Contains("g__Inner|", details.StackTrace, StringComparison.Ordinal);
        Assert.Equal("Vigil.Storage.Tests.Grouping.Corpus.LocalFunction.Inner", fingerprint.Culprit);
    }

    [Fact]
    public void Compute_GenericTypeAndMethod_DropsArityAndArguments()
    {
        // Arrange
        var details = Captured.From(() => new Repository<string>().Find(42));
        var other = Captured.From(() => new Repository<Uri>().Find("k"));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Contains("Repository`1.Find[TKey]", details.StackTrace, StringComparison.Ordinal);
        Assert.Equal("Vigil.Storage.Tests.Grouping.Repository.Find", fingerprint.Culprit);
        Assert.Equal(fingerprint.Value, other.Fingerprint().Value);
    }

    [Fact]
    public void Compute_InnerException_ContributesTypeAndFrames()
    {
        // Arrange
        var details = Captured.From(() => Corpus.Wrapped("x"));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Equal(
            [
                "type:System.InvalidOperationException",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.Wrapped",
                "type:System.FormatException",
                "frame:Vigil.Storage.Tests.Grouping.Corpus.Wrapped",
            ],
            fingerprint.Shape());
        Assert.Equal("Vigil.Storage.Tests.Grouping.Corpus.Wrapped", fingerprint.Culprit);
    }

    [Fact]
    public void Compute_AggregateException_EveryInnerContributes()
    {
        // Arrange
        var details = Captured.From(Corpus.Aggregate);

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Equal("System.AggregateException", details.Type);
        Assert.Contains("type:System.Collections.Generic.KeyNotFoundException", fingerprint.Components);
        Assert.Contains("type:System.FormatException", fingerprint.Components);
        Assert.Contains("frame:Vigil.Storage.Tests.Grouping.ThrowSite.Fail", fingerprint.Components);
        Assert.Contains("frame:Vigil.Storage.Tests.Grouping.Corpus.Lambda.lambda", fingerprint.Components);
    }

    [Fact]
    public void Compute_AggregateOfSameFailureDifferentCounts_SameGroup()
    {
        // Arrange
        var two = Captured.From(() => Corpus.SameFailureTimes(2));
        var five = Captured.From(() => Corpus.SameFailureTimes(5));

        // Act
        var fingerprint = two.Fingerprint();

        // Assert
        Assert.Equal(fingerprint.Value, five.Fingerprint().Value);
        Assert.Single(fingerprint.Components, c => c == "type:System.Collections.Generic.KeyNotFoundException");
        Assert.Equal("Vigil.Storage.Tests.Grouping.ThrowSite.Fail", fingerprint.Culprit);
    }

    [Fact]
    public void Compute_ReleaseBuildWithoutLineInfo_SameGroupAsWithPdb()
    {
        // Arrange: without PDBs the frames have no " in file:line n".
        var details = Captured.FromAsync(() => Corpus.OuterAsync(1));
        var stripped = new ExceptionDetails { Type = details.Type, StackTrace = LineRegex().Replace(details.StackTrace!, "") };

        // Act / Assert
        Assert.DoesNotContain(":line ", stripped.StackTrace, StringComparison.Ordinal);
        Assert.Equal(details.Fingerprint().Value, stripped.Fingerprint().Value);
    }

    [Fact]
    public void Compute_LogRecordShortTypeAndSpanEventFullType_SameGroup()
    {
        // Arrange: OpenTelemetry .NET's OTLP log exporter writes GetType().Name, Activity.AddException FullName.
        var span = Captured.FromAsync(() => Corpus.OuterAsync(1));
        var log = new ExceptionDetails { Type = "InvalidOperationException", Message = span.Message, StackTrace = span.StackTrace };

        // Act
        var fingerprint = log.Fingerprint();

        // Assert
        Assert.Equal("System.InvalidOperationException", span.Type);
        Assert.Equal(span.Fingerprint().Value, fingerprint.Value);
        Assert.Equal("type:System.InvalidOperationException", fingerprint.Components[0]);
    }

    [Fact]
    public void Compute_TypeAttributeDiffersFromText_AttributeWins()
    {
        // Arrange
        var details = Captured.FromAsync(() => Corpus.OuterAsync(1));
        var renamed = new ExceptionDetails { Type = "Shop.OrderMissingException", StackTrace = details.StackTrace };

        // Act / Assert
        Assert.Equal("type:Shop.OrderMissingException", renamed.Fingerprint().Components[0]);
        Assert.NotEqual(details.Fingerprint().Value, renamed.Fingerprint().Value);
    }

    [Fact]
    public void Compute_SameThrowSiteTwoCallers_DifferentGroupsSameCulprit()
    {
        // Arrange
        var checkout = Captured.From(() => ThrowSite.FromCheckout(1));
        var refund = Captured.From(() => ThrowSite.FromRefund(1));

        // Act
        var a = checkout.Fingerprint();
        var b = refund.Fingerprint();

        // Assert
        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal("Vigil.Storage.Tests.Grouping.ThrowSite.Fail", a.Culprit);
        Assert.Equal(a.Culprit, b.Culprit);
    }

    [Fact]
    public void Compute_DifferentTypesSameSite_DifferentGroups()
    {
        // Arrange
        var argument = Captured.From(() => Corpus.ThrowKind(argument: true));
        var operation = Captured.From(() => Corpus.ThrowKind(argument: false));

        // Act / Assert
        Assert.NotEqual(argument.Fingerprint().Value, operation.Fingerprint().Value);
        Assert.Equal(argument.Fingerprint().Culprit, operation.Fingerprint().Culprit);
    }

    [Fact]
    public void Compute_LinesShiftedAndPathsMoved_SameGroup()
    {
        // Arrange: the same code after an edit above it and a deploy to another directory.
        var details = Captured.FromAsync(() => Corpus.OuterAsync(1));
        var shifted = new ExceptionDetails
        {
            Type = details.Type,
            Message = details.Message,
            StackTrace = LineRegex().Replace(details.StackTrace!, m => " in /srv/other/File.cs:line " + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 17)),
        };

        // Act / Assert
        Assert.Contains(":line ", details.StackTrace, StringComparison.Ordinal);
        Assert.NotEqual(details.StackTrace, shifted.StackTrace);
        Assert.Equal(details.Fingerprint().Value, shifted.Fingerprint().Value);
    }

    [Fact]
    public void Compute_HandWrittenCompilerGeneratedNames_Normalized()
    {
        // Arrange: the shapes older runtimes and Ben.Demystifier-free logs carry.
        const string Text = """
            System.InvalidOperationException: boom
               at Shop.Orders.OrderService.<>c__DisplayClass4_0.<<ProcessAsync>b__0>d.MoveNext() in C:\src\Shop\OrderService.cs:line 41
            --- End of stack trace from previous location ---
               at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()
               at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)
               at Shop.Orders.OrderService.<ProcessAsync>d__4.MoveNext() in C:\src\Shop\OrderService.cs:line 30
               at Shop.Orders.OrderService.<Validate>g__Check|5_0(Order order) in C:\src\Shop\OrderService.cs:line 55
               at Shop.Orders.Cache`2..ctor(Int32 size)
               at Shop.Program.<Main>$(String[] args) in C:\src\Shop\Program.cs:line 3
               at Shop.Program.<Main>(String[] args)
            """;

        // Act
        var fingerprint = new ExceptionDetails { StackTrace = Text }.Fingerprint();

        // Assert
        Assert.Equal(
            [
                "type:System.InvalidOperationException",
                "frame:Shop.Orders.OrderService.ProcessAsync.lambda",
                "frame:Shop.Orders.OrderService.ProcessAsync",
                "frame:Shop.Orders.OrderService.Validate.Check",
                "frame:Shop.Orders.Cache..ctor",
                "frame:Shop.Program.Main",
            ],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_HandWrittenTwoCopiesDifferentLines_SameGroup()
    {
        // Arrange
        const string Before = """
            System.NullReferenceException: Object reference not set to an instance of an object.
               at Shop.Cart.Total() in /app/Cart.cs:line 12
               at Shop.Api.CartEndpoint.Get(Int32 id) in /app/Api/CartEndpoint.cs:line 40
               at Microsoft.AspNetCore.Routing.EndpointMiddleware.Invoke(HttpContext httpContext)
            """;
        const string After = """
            System.NullReferenceException: Object reference not set to an instance of an object.
               at Shop.Cart.Total() in /build/7f3a/Cart.cs:line 19
               at Shop.Api.CartEndpoint.Get(Int32 id) in /build/7f3a/Api/CartEndpoint.cs:line 44
               at Microsoft.AspNetCore.Routing.EndpointMiddleware.Invoke(HttpContext httpContext)
               at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.Invoke(HttpContext context)
            """;

        // Act / Assert
        Assert.Equal(
            new ExceptionDetails { StackTrace = Before }.Fingerprint().Value,
            new ExceptionDetails { StackTrace = After }.Fingerprint().Value);
    }

    [GeneratedRegex(@" in [^\r\n]*:line (\d+)")]
    private static partial Regex LineRegex();
}
