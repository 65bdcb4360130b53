using System.Diagnostics;

namespace Vigil.Tracing;

/// <summary>
/// When the process was started inside a trace (<c>TRACEPARENT</c>, e.g. under <c>vigil exec</c>), one span for the
/// process's life under that parent, made current at start so that every span the program then starts joins the
/// trace. .NET has no "remote parent for root spans" setting, and a current Activity cannot carry another span's
/// id, so the process gets a span of its own: the link to the parent is then a real, exported span.
/// </summary>
internal sealed class ProcessSpan : IDisposable
{
    /// <summary>The span's name.</summary>
    public const string Name = "process";

    private readonly Activity _activity;

    private ProcessSpan(Activity activity) => _activity = activity;

    /// <summary>Starts the span when <paramref name="environment"/> carries a valid trace context; otherwise nothing.</summary>
    public static ProcessSpan? Start(ActivitySource source, IReadOnlyDictionary<string, string?> environment, string? serviceName)
    {
        var context = EnvironmentTraceContext.Read(environment);
        if (context is null)
        {
            return null;
        }

        var activity = source.StartActivity(Name, ActivityKind.Internal, context.Parent);
        if (activity is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(context.Parent.TraceState))
        {
            activity.TraceStateString = context.Parent.TraceState;
        }

        foreach (var (key, value) in context.Baggage)
        {
            activity.SetBaggage(key, value);
        }

        activity.SetTag("process.pid", Environment.ProcessId);
        if (serviceName is not null)
        {
            activity.DisplayName = $"{Name} {serviceName}";
        }

        return new ProcessSpan(activity);
    }

    /// <summary>Ends the span (before the SDK flushes, so it is exported).</summary>
    public void Dispose()
    {
        if (Activity.Current == _activity)
        {
            Activity.Current = _activity.Parent;
        }

        _activity.Dispose();
    }
}
