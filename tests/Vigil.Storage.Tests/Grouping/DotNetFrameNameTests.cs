using Vigil.Grouping;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>The method names .NET writes in frames, reduced to what a developer wrote.</summary>
public sealed class DotNetFrameNameTests
{
    [Theory]
    [InlineData("Shop.OrderService.Process", "Shop.OrderService.Process")]
    [InlineData("Shop.OrderService.<ProcessAsync>d__4.MoveNext", "Shop.OrderService.ProcessAsync")]
    [InlineData("Shop.OrderService.<Items>d__7.System.Collections.IEnumerator.MoveNext", "Shop.OrderService.Items")]
    [InlineData("Shop.OrderService.<>c.<Main>b__0_0", "Shop.OrderService.Main.lambda")]
    [InlineData("Shop.OrderService.<>c__DisplayClass3_1.<Main>b__2", "Shop.OrderService.Main.lambda")]
    [InlineData("Shop.OrderService.<>c.<<Main>b__0_0>d.MoveNext", "Shop.OrderService.Main.lambda")]
    [InlineData("Shop.OrderService.<Outer>g__Inner|0_0", "Shop.OrderService.Outer.Inner")]
    [InlineData("Shop.OrderService.<<Outer>g__InnerAsync|0_0>d.MoveNext", "Shop.OrderService.Outer.InnerAsync")]
    [InlineData("Program.<<Main>$>g__Run|0_0", "Program.Main.Run")]
    [InlineData("Program.<Main>$", "Program.Main")]
    [InlineData("Shop.Cache`2..ctor", "Shop.Cache..ctor")]
    [InlineData("Shop.Cache`2..cctor", "Shop.Cache..cctor")]
    [InlineData("Shop.Repository`1.Find[TKey]", "Shop.Repository.Find")]
    [InlineData("Shop.Outer`1+Nested`2.Run[T,U]", "Shop.Outer+Nested.Run")]
    [InlineData("lambda_method42", "lambda_method")]
    public void Normalize_CompilerGeneratedName_WrittenName(string method, string expected)
    {
        // Act
        var name = DotNetFrameName.Normalize(method);

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Compute_OldAndNewAsyncFrameShapes_SameGroup()
    {
        // Arrange: .NET Framework / Core 2.0 print the state machine, .NET Core 2.1+ the method.
        const string Old = """
            System.InvalidOperationException: boom
               at Shop.OrderService.<ProcessAsync>d__4.MoveNext()
            --- End of stack trace from previous location where exception was thrown ---
               at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()
               at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)
               at Shop.Api.<PostAsync>d__2.MoveNext()
            """;
        const string New = """
            System.InvalidOperationException: boom
               at Shop.OrderService.ProcessAsync() in /app/OrderService.cs:line 30
               at Shop.Api.PostAsync(Order order) in /app/Api.cs:line 12
            """;

        // Act / Assert
        Assert.Equal(
            ExceptionFingerprinter.Compute(new ExceptionDetails { StackTrace = Old }).Value,
            ExceptionFingerprinter.Compute(new ExceptionDetails { StackTrace = New }).Value);
    }

    [Fact]
    public void Compute_RecursionDepth_SameGroup()
    {
        // Arrange
        const string Shallow = """
            System.InsufficientExecutionStackException: deep
               at Shop.Tree.Walk(Node node)
               at Shop.Tree.Walk(Node node)
               at Shop.Tree.Print()
            """;
        const string Deep = """
            System.InsufficientExecutionStackException: deep
               at Shop.Tree.Walk(Node node)
               at Shop.Tree.Walk(Node node)
               at Shop.Tree.Walk(Node node)
               at Shop.Tree.Walk(Node node)
               at Shop.Tree.Print()
            """;

        // Act / Assert
        Assert.Equal(
            ExceptionFingerprinter.Compute(new ExceptionDetails { StackTrace = Shallow }).Value,
            ExceptionFingerprinter.Compute(new ExceptionDetails { StackTrace = Deep }).Value);
    }
}
