using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Pipeline;
using Vigil.Tests.Support;

namespace Vigil.Tests.Errors;

public sealed class UnobservedTaskExceptionTests
{
    [Fact]
    public void UnobservedTaskException_AfterCollection_IsLoggedAsErrorWithTheException()
    {
        var message = $"lost task {Guid.NewGuid():N}";
        using var vigil = TestVigil.Start(o => o.Errors.CaptureUnhandled = true);

        DropFaultedTaskAndCollect(message);
        vigil.Stop();

        var log = Assert.Single(vigil.LogExporter.Logs, l => Mentions(l, message));
        Assert.Equal(UnhandledExceptionCapture.CategoryName, log.Category);
        Assert.Equal(LogLevel.Error, log.Level);
        var aggregate = Assert.IsType<AggregateException>(log.Exception);
        Assert.Equal(message, Assert.IsType<TimeoutException>(Assert.Single(aggregate.InnerExceptions)).Message);
    }

    [Fact]
    public void Install_CalledAgain_HandlersRunOnce()
    {
        var message = $"lost task {Guid.NewGuid():N}";
        using var vigil = TestVigil.Start(o => o.Errors.CaptureUnhandled = true);
        var capture = vigil.Sdk.Services.GetRequiredService<UnhandledExceptionCapture>();

        capture.Install();
        DropFaultedTaskAndCollect(message);
        vigil.Stop();

        Assert.Single(vigil.LogExporter.Logs, l => Mentions(l, message));
    }

    [Fact]
    public void Dispose_ThenUnobservedTaskException_IsNotLogged()
    {
        var message = $"lost task {Guid.NewGuid():N}";
        using var vigil = TestVigil.Start(o => o.Errors.CaptureUnhandled = true);
        var capture = vigil.Sdk.Services.GetRequiredService<UnhandledExceptionCapture>();
        Assert.True(capture.IsInstalled);

        capture.Dispose();
        DropFaultedTaskAndCollect(message);
        vigil.Stop();

        Assert.False(capture.IsInstalled);
        Assert.DoesNotContain(vigil.LogExporter.Logs, l => Mentions(l, message));
    }

    [Fact]
    public void CaptureUnhandledOff_NothingIsInstalled()
    {
        using var vigil = TestVigil.Start(o => o.Errors.CaptureUnhandled = false);

        Assert.Null(vigil.Sdk.Services.GetService<UnhandledExceptionCapture>());
    }

    private static bool Mentions(CollectedLog log, string message) =>
        log.Exception is AggregateException aggregate && aggregate.InnerExceptions.Any(e => e.Message == message);

    /// <summary>
    /// The runtime raises UnobservedTaskException from the finalizer of a faulted task nobody awaited; the
    /// finalizer thread has run the handlers by the time WaitForPendingFinalizers returns.
    /// </summary>
    private static void DropFaultedTaskAndCollect(string message)
    {
        FaultWithoutObserving(message);
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FaultWithoutObserving(string message) =>
        _ = Task.Run(() => throw new TimeoutException(message)).ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(30));
}
