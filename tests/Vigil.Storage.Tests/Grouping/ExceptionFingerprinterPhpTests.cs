using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>PHP stack texts: <c>getTraceAsString()</c>, <c>__toString()</c> with <c>Next</c>, and opentelemetry-php's Java-like text.</summary>
public sealed class ExceptionFingerprinterPhpTests
{
    private static readonly string[] s_chargeFailed =
    [
        @"type:App\Exceptions\ChargeFailed",
        "frame:App.Clients.PaymentClient.post",
        "frame:App.Services.OrderCharger.{closure}",
        "frame:App.Services.OrderCharger.charge",
        "frame:App.Http.Controllers.OrderController.store",
    ];

    public static TheoryData<string, string> Formats => new()
    {
        { "getTraceAsString", PhpTexts.TraceAsString },
        { "java-like", PhpTexts.JavaStyle },
        { "__toString", PhpTexts.ToStringWithNext },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Compute_SameSiteDifferentLinesAndRoot_SameGroup(string format, string text)
    {
        // Arrange
        var before = StackText.Details(text, 10, 20, "/var/www/html", PhpTexts.Type);
        var after = StackText.Details(text, 17, 31, "/srv/shop/releases/42", PhpTexts.Type);

        // Act
        var a = before.Fingerprint();
        var b = after.Fingerprint();

        // Assert
        Assert.True(a.Value == b.Value, format + ": " + string.Join(" | ", a.Components) + " vs " + string.Join(" | ", b.Components));
        Assert.Equal(FingerprintMethod.StackTrace, a.Method);
        Assert.Equal("App.Clients.PaymentClient.post", a.Culprit);
        Assert.All(a.Components, c => Assert.DoesNotContain("/var", c, StringComparison.Ordinal));
        Assert.All(a.Components, c => Assert.DoesNotContain("10", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PhpTexts.TraceAsString)]
    [InlineData(PhpTexts.JavaStyle)]
    public void Compute_EitherFormat_SameFramesWithoutVendorOrInternalFunctions(string text)
    {
        // Act
        var fingerprint = StackText.Details(text, 10, 20, "/var/www/html", PhpTexts.Type).Fingerprint();

        // Assert: both formats name frames alike, so switching SDK or instrumentation keeps the groups.
        Assert.Equal(s_chargeFailed, fingerprint.Components);
    }

    [Fact]
    public void Compute_ToStringWithNext_WrappingExceptionFirstAndPreviousAfter()
    {
        // Act
        var fingerprint = StackText.Details(PhpTexts.ToStringWithNext, 10, 20, "/var/www/html", PhpTexts.Type).Fingerprint();

        // Assert
        Assert.Equal(
            [
                @"type:App\Exceptions\ChargeFailed",
                "frame:App.Services.OrderCharger.charge",
                "frame:App.Http.Controllers.OrderController.store",
                "type:RuntimeException",
                "frame:App.Clients.PaymentClient.post",
                "frame:App.Services.OrderCharger.charge",
                "frame:App.Http.Controllers.OrderController.store",
            ],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_OtherPreviousException_DifferentGroups()
    {
        // Arrange
        var refused = StackText.Details(PhpTexts.ToStringWithNext, 10, 20, "/var/www/html");
        var timeout = StackText.Details(PhpTexts.ToStringWithNext.Replace("RuntimeException: Connection refused", @"GuzzleHttp\Exception\ConnectException: timed out", StringComparison.Ordinal), 10, 20, "/var/www/html");

        // Act & Assert
        Assert.NotEqual(refused.Fingerprint().Value, timeout.Fingerprint().Value);
    }

    [Fact]
    public void Compute_SameThrowSiteOtherCaller_DifferentGroups()
    {
        // Arrange
        var store = StackText.Details(PhpTexts.TraceAsString, 10, 20, "/var/www/html", PhpTexts.Type);
        var refund = StackText.Details(PhpTexts.TraceAsString.Replace(@"OrderController->store", @"RefundController->update", StringComparison.Ordinal), 10, 20, "/var/www/html", PhpTexts.Type);

        // Act
        var a = store.Fingerprint();
        var b = refund.Fingerprint();

        // Assert
        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal(a.Culprit, b.Culprit);
    }

    [Fact]
    public void Compute_FrameworkUpgradeChangesVendorFrames_SameGroup()
    {
        // Arrange: a Laravel upgrade adds a middleware frame and moves vendor lines.
        var upgraded = PhpTexts.TraceAsString
            .Replace("Controller.php(54)", "Controller.php(61)", StringComparison.Ordinal)
            .Replace(
                "#7 {2}/public/index.php(51)",
                @"#7 {2}/vendor/laravel/framework/src/Illuminate/Pipeline/Pipeline.php(183): Illuminate\Foundation\Http\Kernel->handle(Object(Illuminate\Http\Request))" + "\n#8 {2}/public/index.php(51)",
                StringComparison.Ordinal)
            .Replace("#8 {main}", "#9 {main}", StringComparison.Ordinal);

        // Act
        var a = StackText.Details(PhpTexts.TraceAsString, 10, 20, "/var/www/html", PhpTexts.Type).Fingerprint();
        var b = StackText.Details(upgraded, 10, 20, "/var/www/html", PhpTexts.Type).Fingerprint();

        // Assert
        Assert.Equal(a.Components, b.Components);
    }

    [Fact]
    public void Compute_OnlyVendorFrames_GroupsByThem()
    {
        // Arrange: a queue worker failing inside the framework; the script's top level ({main}) is no application code.
        const string Text = """
            #0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php({0}): PDOStatement->execute()
            #1 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php(816): Illuminate\Database\Connection->Illuminate\Database\{closure}('select * from...', Array)
            #2 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php({1}): Illuminate\Database\Connection->select('select * from...')
            #3 /var/www/html/vendor/laravel/framework/src/Illuminate/Console/Command.php(180): Illuminate\Queue\Worker->daemon('redis', 'default', Object(Illuminate\Queue\WorkerOptions))
            #4 /var/www/html/artisan(35): Illuminate\Console\Command->run(Object(Symfony\Component\Console\Input\ArgvInput))
            #5 {main}
            """;

        // Act
        var a = StackText.Details(Text, 592, 160, "", "PDOException").Fingerprint();
        var b = StackText.Details(Text, 601, 171, "", "PDOException").Fingerprint();

        // Assert
        Assert.Equal(a.Value, b.Value);
        Assert.Equal(
            [
                "type:PDOException",
                "frame:PDOStatement.execute",
                "frame:Illuminate.Database.Connection.{closure}",
                "frame:Illuminate.Database.Connection.select",
                "frame:Illuminate.Queue.Worker.daemon",
                "frame:Illuminate.Console.Command.run",
                "frame:{main}",
            ],
            a.Components);
        Assert.Equal("PDOStatement.execute", a.Culprit);
    }

    [Fact]
    public void Compute_ToStringHeaderNamesVendorFile_FirstFrameIsLibrary()
    {
        // Arrange: the header's "in <file>" is where the first frame's function lives.
        const string Text = """
            Illuminate\Database\Eloquent\ModelNotFoundException: No query results for model [App\Models\Order] 42 in /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Eloquent/Builder.php:621
            Stack trace:
            #0 /var/www/html/app/Http/Controllers/OrderController.php(30): Illuminate\Database\Eloquent\Builder->findOrFail(42)
            #1 {main}
            """;

        // Act
        var parsed = Assert.Single(StackTraceParser.Parse(Text));

        // Assert
        Assert.Equal(@"Illuminate\Database\Eloquent\ModelNotFoundException", parsed.Type);
        Assert.Equal("No query results for model [App\\Models\\Order] 42", parsed.Message);
        Assert.Equal([false, false], parsed.Frames.Select(f => f.InAppHint));
    }

    [Fact]
    public void Compute_FrameworkNamespaceInJavaStyleText_NotInAppButOnlyForPhp()
    {
        // Arrange: the Java-like text has no vendor/ path, the namespace tells; a .NET application named Slim keeps its frames.
        const string Php = "Error: x\n\tat Slim.Routing.Route.handle(Route.php:12)\n\tat App.Api.Orders.list(Orders.php:8)";
        const string DotNet = "System.Exception: x\n   at Slim.Routing.Route.Handle()\n   at App.Api.Orders.List()";

        // Act
        var php = new ExceptionDetails { StackTrace = Php }.Fingerprint();
        var dotNet = new ExceptionDetails { StackTrace = DotNet }.Fingerprint();

        // Assert
        Assert.Equal(["type:Error", "frame:App.Api.Orders.list"], php.Components);
        Assert.Equal(["type:System.Exception", "frame:Slim.Routing.Route.Handle", "frame:App.Api.Orders.List"], dotNet.Components);
    }

    [Theory]
    [InlineData(@"#0 /app/src/Order.php(12): App\Order->App\{closure}(1)", "App.Order.{closure}")]
    [InlineData(@"#0 /app/src/Order.php(12): App\Order->{closure:App\Order::charge():42}(1)", "App.Order.{closure}")]
    [InlineData(@"#0 /app/routes/web.php(12): {closure}()", "{closure}")]
    [InlineData(@"#0 /app/routes/web.php(12): {closure:/app/routes/web.php:9}()", "{closure}")]
    [InlineData(@"#0 /app/src/helpers.php(12): App\Support\{closure}('x')", "App.Support.{closure}")]
    [InlineData("	at App.Order.App.{closure}(Order.php:43)", "App.Order.{closure}")]
    [InlineData("	at App.Http.OrderController.App.Http.{closure}(OrderController.php:43)", "App.Http.OrderController.{closure}")]
    [InlineData("	at App.Order.{closure:App.Order::charge():42}(Order.php:43)", "App.Order.{closure}")]
    [InlineData("	at App.Support.{closure}(helpers.php:3)", "App.Support.{closure}")]
    [InlineData("	at {closure}(web.php:9)", "{closure}")]
    [InlineData(@"#0 /app/src/Order.php(12): App\Order::create(Array)", "App.Order.create")]
    [InlineData(@"#0 /app/src/Order.php(12) : eval()'d code(3): App\format_price(12.5)", "App.format_price")]
    public void Parse_ClosuresAndCalls_ClassDotFunction(string line, string name)
    {
        // Act
        var parsed = PhpStackTraceParser.Parse(line);

        // Assert
        Assert.Equal(name, Assert.Single(Assert.Single(parsed).Frames).Name);
    }
}
