using Vigil.Grouping;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Each language's text goes to its own parser, also when another language's shapes appear in it.</summary>
public sealed class StackTraceParserTests
{
    private const string Java = """
        java.lang.IllegalStateException: Order 42 has no lines
        	at com.shop.orders.OrderService.process(OrderService.java:57)
        	at sun.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)
        Caused by: java.io.IOException: disk full
        	at com.shop.storage.Disk.write(Disk.java:12)
        """;

    private const string Python = """
        Traceback (most recent call last):
          File "/app/orders/service.py", line 10, in process
            raise OrderError("/app/models/order.rb:42:in 'charge'")
        orders.errors.OrderError: /app/models/order.rb:42:in 'charge'
        """;

    private const string Node = """
        Error: #0 {main}
            at OrderService.process (/app/src/orders.js:10:15)
            at /app/src/index.js:20:3
        """;

    private const string Go = """
        panic: /app/models/order.rb:42:in 'charge'

        goroutine 1 [running]:
        main.main()
        	/app/main.go:12 +0x25
        """;

    private const string DotNet = """
        System.InvalidOperationException: /app/models/order.rb:42:in 'charge' #0 {main}
           at Shop.Orders.OrderService.Process() in /app/OrderService.cs:line 30
        """;

    private const string Ruby = """
        /app/models/order.rb:42:in 'Order#charge': at Foo.bar(Foo.java:1) (NoMethodError)
        	from /app/controllers/orders_controller.rb:7:in 'OrdersController#create'
        """;

    private const string Php = """
        App.Exceptions.ChargeFailed: at Shop.Orders.OrderService.Process() in /app/OrderService.cs:line 30
        	at App.Clients.PaymentClient.post(PaymentClient.php:12)
        	at array_map(Unknown Source)
        Caused by: RuntimeException: refused
        	at App.Clients.PaymentClient.connect(PaymentClient.php:40)
        """;

    public static TheoryData<string, string, string> Texts => new()
    {
        { "java", Java, "java" },
        { "python", Python, "python" },
        { "node", Node, "javascript" },
        { "go", Go, "go" },
        { "dotnet", DotNet, "dotnet" },
        { "ruby", Ruby, "ruby" },
        { "ruby backtrace", RubyTexts.Backtrace, "ruby" },
        { "php java-like", Php, "php" },
        { "php getTraceAsString", PhpTexts.TraceAsString, "php" },
        { "php __toString", PhpTexts.ToStringWithNext, "php" },
        { "php main only", "#0 {main}", "php" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Parse_Text_ReadByItsLanguagesParser(string language, string text, string parser)
    {
        // Act
        var parsed = StackTraceParser.Parse(text);

        // Assert
        var expected = Parser(parser)(text);
        Assert.True(expected.Count > 0 && expected.TrueForAll(e => e.Frames.Count > 0), language);
        Assert.Equal(Shape(expected), Shape(parsed));
    }

    [Fact]
    public void Parse_JavaStyleFromPhp_ChainOutermostFirst()
    {
        // Act
        var parsed = StackTraceParser.Parse(Php);

        // Assert
        Assert.Equal([@"App\Exceptions\ChargeFailed", "RuntimeException"], parsed.Select(e => e.Type));
        Assert.Equal(["App.Clients.PaymentClient.post", "array_map"], parsed[0].Frames.Select(f => f.Name));
        Assert.Equal([null, false], parsed[0].Frames.Select(f => f.InAppHint));
    }

    [Fact]
    public void Parse_RubyMessageOverSeveralLines_TypeFromFirstLineAndFramesKept()
    {
        // Arrange: did_you_mean adds lines under the message; the type closes the first.
        const string Text = """
            /app/models/order.rb:42:in 'Order#charge': undefined local variable or method 'amout' for an instance of Order (NameError)

                amout * rate
                ^^^^^
            Did you mean?  amount
            	from /app/controllers/orders_controller.rb:7:in 'OrdersController#create'
            """;

        // Act
        var parsed = Assert.Single(StackTraceParser.Parse(Text));

        // Assert
        Assert.Equal("NameError", parsed.Type);
        Assert.Equal("undefined local variable or method 'amout' for an instance of Order", parsed.Message);
        Assert.Equal(["order.charge", "orders_controller.create"], parsed.Frames.Select(f => f.Name));
    }

    private static Func<string, List<ParsedException>> Parser(string name) => name switch
    {
        "java" => JavaStackTraceParser.Parse,
        "python" => PythonStackTraceParser.Parse,
        "javascript" => JavaScriptStackTraceParser.Parse,
        "go" => GoStackTraceParser.Parse,
        "dotnet" => DotNetStackTraceParser.Parse,
        "ruby" => RubyStackTraceParser.Parse,
        _ => PhpStackTraceParser.Parse,
    };

    private static string[] Shape(List<ParsedException> chain) =>
        [.. chain.SelectMany(e => e.Frames.Select(f => f.Name + "|" + f.InAppHint).Prepend("type:" + e.Type + "|" + e.Message))];
}
