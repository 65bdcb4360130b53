using Microsoft.Extensions.Logging;
using Vigil.Cli.Commands.Exec;

namespace Vigil.Cli.Tests.Commands.Exec;

public sealed class OutputLineClassifierTests
{
    [Theory]
    [InlineData("/src/App/Program.cs(3,5): error CS1002: ; expected [/src/App/App.csproj]")]
    [InlineData("MSBUILD : error MSB1009: Project file does not exist.")]
    [InlineData("src/index.ts(1,7): error TS2304: Cannot find name 'x'.")]
    [InlineData("error[E0308]: mismatched types")]
    [InlineData("FAIL src/app.test.js")]
    [InlineData("--- FAIL: TestParse (0.00s)")]
    [InlineData("  Failed Vigil.Tests.ParserTests.Parse_Empty [12 ms]")]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom")]
    [InlineData("System.InvalidOperationException: Sequence contains no elements")]
    [InlineData("Exception in thread \"main\" java.lang.NullPointerException")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("panic: runtime error: index out of range")]
    [InlineData("TypeError: Cannot read properties of undefined")]
    public void Classify_ErrorLine_IsErrorOnEitherStream(string line)
    {
        Assert.Equal(LogLevel.Error, OutputLineClassifier.Classify(line, fromStandardError: false));
        Assert.Equal(LogLevel.Error, OutputLineClassifier.Classify(line, fromStandardError: true));
    }

    [Theory]
    [InlineData("Build succeeded.", false, LogLevel.Information)]
    [InlineData("    0 Error(s)", false, LogLevel.Information)]
    [InlineData("Passed!  - Failed:     0, Passed:    12", false, LogLevel.Information)]
    [InlineData("no errors found", false, LogLevel.Information)]
    [InlineData("Program.cs(9,13): warning CS0168: The variable 'e' is declared but never used", false, LogLevel.Warning)]
    [InlineData("npm notice New minor version", true, LogLevel.Warning)]
    public void Classify_OtherLines_FollowStreamOrWarningCode(string line, bool fromStandardError, LogLevel expected)
    {
        Assert.Equal(expected, OutputLineClassifier.Classify(line, fromStandardError));
    }

    [Fact]
    public void Classify_HugeHostileLine_AnswersWithoutThrowing()
    {
        var line = new string('a', 1_000_000) + "." + new string('B', 100_000);

        Assert.Equal(LogLevel.Warning, OutputLineClassifier.Classify(line, fromStandardError: true));
    }
}
