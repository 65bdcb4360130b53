using System.Globalization;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Errors;

/// <summary><c>vigil errors show</c> prints the stack as the application recorded it, its indentation included.</summary>
public sealed class ErrorsShowStackTests : IDisposable
{
    private const string PythonTraceback =
        "Traceback (most recent call last):\n" +
        "  File \"/app/orders.py\", line 12, in pay\n" +
        "    charge(card)\n" +
        "  File \"/app/billing.py\", line 3, in charge\n" +
        "    raise ValueError(\"Card declined\")\n" +
        "ValueError: Card declined\n" +
        "\n" +
        "During handling of the above exception, another exception occurred:\n" +
        "\n" +
        "Traceback (most recent call last):\n" +
        "  File \"/app/api.py\", line 40, in post\n" +
        "    pay(order)\n" +
        "RuntimeError: Checkout failed";

    private const string JavaStack =
        "java.lang.IllegalStateException: Card declined\n" +
        "\tat com.shop.Billing.charge(Billing.java:3)\n" +
        "\tat com.shop.Orders.pay(Orders.java:12)\n" +
        "Caused by: java.io.IOException: timeout\n" +
        "\t... 2 more";

    private const string GoStack =
        "goroutine 1 [running]:\n" +
        "main.charge(...)\n" +
        "\t/app/billing.go:3 +0x1d\n" +
        "main.main()\n" +
        "\t/app/main.go:12 +0x25";

    private const string DotNetStack =
        "Orders.PaymentDeclinedException: Card declined\n" +
        "   at Orders.Api.Pay(Order order) in /src/Orders/Pay.cs:line 42\n" +
        "   --- End of inner exception stack trace ---\n" +
        "\tat Orders.Api.Post() in /src/Orders/Post.cs:line 7";

    private readonly CliHarness _cli = new() { Terminal = true, Width = 80 };
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("ValueError", "python", PythonTraceback)]
    [InlineData("Orders.PaymentDeclinedException", "dotnet", DotNetStack)]
    [InlineData("java.lang.IllegalStateException", "java", JavaStack)]
    [InlineData("panic", "go", GoStack)]
    public async Task Show_StackTrace_KeepsEveryLinesOwnIndentation(string type, string language, string stack)
    {
        var entry = ErrorSamples.Exception(type, "Card declined", "Pay", CliHarness.Now.AddMinutes(-1)) with
        {
            ExceptionStackTrace = stack,
            Resource = new TelemetryResource
            {
                Attributes = [new(TelemetryResource.ServiceNameKey, "orders"), new("telemetry.sdk.language", language)],
            },
        };
        await _store.WriteLogsAsync(entry);
        var list = await _cli.RunAsync("errors", "--json", "--store", _store.Path);
        var id = Assert.Single(ErrorSamples.JsonLines(list.Stdout)).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var run = await _cli.RunAsync("errors", "show", id, "--no-color", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.FindIndex(l => l == "Stack trace");
        Assert.True(first >= 0, run.Stdout);

        // Two columns set the stack off from the fields; past them each line is as recorded (a tab to the next of
        // every fourth column), blank lines included.
        var expected = stack.Split('\n').Select(l => "  " + l.Replace("\t", "    ", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, lines.Skip(first + 1).Take(expected.Count));
    }
}
