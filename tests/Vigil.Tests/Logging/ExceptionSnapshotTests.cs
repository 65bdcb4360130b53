using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Logging;

/// <summary>A record's exception is written as it was when logged, not as it is after unwinding further.</summary>
public sealed class ExceptionSnapshotTests
{
    [Fact]
    public void LoggedThenRethrown_FileSinkWritesTheStackAtTheLoggingCall()
    {
        using var vigil = TestVigil.Start(o =>
        {
            o.File.Enabled = true;
            o.File.Path = "logs/app.jsonl";
        });
        var logger = vigil.Sdk.CreateLogger("Shop");

        Assert.Throws<InvalidOperationException>(() => OuterCaller(logger));
        vigil.Stop();

        var record = Assert.Single(JsonLines.Parse(Path.Combine(vigil.WorkingDirectory, "logs", "app.jsonl")));
        var stack = record.GetProperty("exception").GetProperty("stacktrace").GetString();
        Assert.Contains(nameof(ThrowAndLog), stack, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(OuterCaller), stack, StringComparison.Ordinal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OuterCaller(ILogger logger) => ThrowAndLog(logger);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAndLog(ILogger logger)
    {
        try
        {
            throw new InvalidOperationException("declined");
        }
        catch (InvalidOperationException exception)
        {
            logger.LogError(exception, "Charge failed");
            throw;
        }
    }
}
