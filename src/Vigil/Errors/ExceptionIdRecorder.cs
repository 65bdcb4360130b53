using System.Diagnostics;
using Vigil.Model;

namespace Vigil.Errors;

/// <summary>
/// Adds the exception's identity (<see cref="ExceptionIds"/>) to every <c>exception</c> event recorded with
/// <see cref="Activity.AddException"/> on a traced source — by tracked operations, by instrumentations, by the
/// application — through the platform's <see cref="ActivityListener.ExceptionRecorder"/> hook, which runs before
/// the event is created (its tags cannot be changed afterwards). The listener takes no part in sampling.
/// Created and disposed with the tracer provider, as its instrumentation.
/// </summary>
internal sealed class ExceptionIdRecorder : IDisposable
{
    private readonly ActivityListener _listener;

    public ExceptionIdRecorder(Func<string, bool> isTraced)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => isTraced(source.Name),
            ExceptionRecorder = static (Activity _, Exception exception, ref TagList tags) => AddId(exception, ref tags),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static void AddId(Exception exception, ref TagList tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == ExceptionIdentity.AttributeName)
            {
                // Another listener (a second SDK instance in the process) added it already.
                return;
            }
        }

        tags.Add(ExceptionIdentity.AttributeName, ExceptionIds.Of(exception));
    }
}
