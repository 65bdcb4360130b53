using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Vigil.Model;
using Vigil.Tests.Support;

namespace Vigil.Tests.Errors;

/// <summary>
/// Every report of one exception object carries one <see cref="ExceptionIdentity"/>, so the store counts it once.
/// Each test reads only what carries its own message (see <see cref="StoredErrorGroups"/>).
/// </summary>
public sealed class ExceptionIdentityTests
{
    private static object? EventId(Activity span) =>
        Assert.Single(span.Events, e => e.Name == "exception").Tags.FirstOrDefault(t => t.Key == ExceptionIdentity.AttributeName).Value;

    [Fact]
    public async Task NestedTrackedOperations_InnerFails_BothSpansAndLogsCarryOneIdAndCountOnce()
    {
        // Arrange
        using var vigil = TestVigil.Start(o => o.Store.Enabled = true);
        var message = StoredErrorGroups.UniqueMessage("card declined");

        // Act: the failure is logged and recorded by the inner operation, then again by the outer one.
        Assert.Throws<InvalidOperationException>(() => vigil.Sdk.Operations.Track("checkout", () =>
            vigil.Sdk.Operations.Track("charge", () => throw new InvalidOperationException(message))));
        vigil.Stop();

        // Assert
        var spans = vigil.Spans.Where(s => s.StatusDescription == message).ToList();
        Assert.Equal(2, spans.Count);
        var logs = vigil.LogExporter.Logs.Where(l => l.Exception?.Message == message).ToList();
        Assert.Equal(2, logs.Count);
        var ids = spans.Select(EventId).Concat(logs.Select(l => l.Attributes[ExceptionIdentity.AttributeName])).Distinct().ToList();
        Assert.Matches("^[0-9a-f]{32}$", Assert.IsType<string>(Assert.Single(ids)));
        var group = Assert.Single(await StoredErrorGroups.WithMessageAsync(vigil, message));
        Assert.Equal(1, group.Count);
    }

    [Fact]
    public async Task LogAndRethrow_LoggedAgainByOuterCatch_OneGroupCountedOnce()
    {
        // Arrange
        using var vigil = TestVigil.Start(o => o.Store.Enabled = true);
        var logger = vigil.Sdk.CreateLogger("Orders");
        var message = StoredErrorGroups.UniqueMessage("stock service down");

        // Act
        try
        {
            LogAndRethrow(logger, message);
        }
        catch (TimeoutException exception)
        {
            logger.LogError(exception, "Request failed");
        }

        vigil.Stop();

        // Assert
        var group = Assert.Single(await StoredErrorGroups.WithMessageAsync(vigil, message));
        Assert.Equal(1, group.Count);
    }

    [Fact]
    public async Task TwoExceptionsWithOneMessage_DifferentIds_CountTwice()
    {
        // Arrange
        using var vigil = TestVigil.Start(o => o.Store.Enabled = true);
        var logger = vigil.Sdk.CreateLogger("Orders");
        var message = StoredErrorGroups.UniqueMessage("stock service down");

        // Act: a retry's two attempts fail alike.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                LogAndRethrow(logger, message);
            }
            catch (TimeoutException)
            {
            }
        }

        vigil.Stop();

        // Assert
        var ids = vigil.LogExporter.Logs.Where(l => l.Exception?.Message == message).Select(l => l.Attributes[ExceptionIdentity.AttributeName]).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(2, Assert.Single(await StoredErrorGroups.WithMessageAsync(vigil, message)).Count);
    }

    [Fact]
    public void AddException_OnATracedSource_EventCarriesTheId_UntracedSourceDoesNot()
    {
        // Arrange: a second listener creates activities for the untraced source, as another tool might.
        using var traced = new ActivitySource($"Tests.Traced.{Guid.NewGuid():N}");
        using var untraced = new ActivitySource($"Tests.Untraced.{Guid.NewGuid():N}");
        using var other = new ActivityListener
        {
            ShouldListenTo = s => s == untraced,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(other);
        using var vigil = TestVigil.Start(o => o.Tracing.Sources.Add("Tests.Traced.*"));
        var failure = new InvalidOperationException("x");

        // Act
        using var tracedSpan = traced.StartActivity("work")!;
        using var untracedSpan = untraced.StartActivity("work")!;
        tracedSpan.AddException(failure);
        untracedSpan.AddException(failure);

        // Assert
        Assert.IsType<string>(EventId(tracedSpan));
        Assert.Null(EventId(untracedSpan));
    }

    [Fact]
    public void AddException_AfterTheSdkIsDisposed_AddsNoId()
    {
        // Arrange
        using var source = new ActivitySource($"Tests.AfterDispose.{Guid.NewGuid():N}");
        using var other = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(other);
        var vigil = TestVigil.Start(o => o.Tracing.Sources.Add(source.Name));
        vigil.Dispose();

        // Act
        using var span = source.StartActivity("work")!;
        span.AddException(new InvalidOperationException("x"));

        // Assert
        Assert.Null(EventId(span));
    }

    private static void LogAndRethrow(ILogger logger, string message)
    {
        try
        {
            throw new TimeoutException(message);
        }
        catch (TimeoutException exception)
        {
            logger.LogError(exception, "Stock lookup failed");
            throw;
        }
    }
}
