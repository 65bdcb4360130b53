using System.Collections;
using Microsoft.Build.Framework;

namespace Vigil.MSBuild;

/// <summary>
/// The central logger: records the build as a trace (a span per project and per target, tasks on request), its
/// warnings and errors as log records with file, line and code, and per-project durations as a metric, into Vigil's
/// local store, the store <c>store=PATH</c> names, or an OTLP endpoint (<c>otlp=URL</c>).
/// <c>dotnet build -logger:Vigil.MSBuild.dll;minTargetMs=50;tasks=true</c>.
/// </summary>
/// <remarks>
/// The same class is its own forwarding logger (<c>-distributedlogger:Vigil.MSBuild.dll*Vigil.MSBuild.dll</c>): MSBuild
/// gives a forwarding logger an event redirector before initializing it, and a central one none. One public logger
/// type also keeps <c>-logger:Vigil.MSBuild.dll</c> unambiguous: MSBuild takes the assembly's first logger class.
/// </remarks>
public sealed class VigilLogger : IForwardingLogger
{
    private BuildTimeline? _timeline;
    private LoggerParameters _parameters = new();

    /// <inheritdoc />
    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Normal;

    /// <inheritdoc />
    public string? Parameters { get; set; }

    /// <inheritdoc />
    public IEventRedirector? BuildEventRedirector { get; set; }

    /// <inheritdoc />
    public int NodeId { get; set; }

    /// <inheritdoc />
    public void Initialize(IEventSource eventSource, int nodeCount) => Initialize(eventSource);

    /// <inheritdoc />
    public void Initialize(IEventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        try
        {
            _parameters = LoggerParameters.Parse(Parameters);
        }
        catch (FormatException e)
        {
            // MSBuild reports a LoggerException as a logger failure naming the logger, and stops before building.
            throw new LoggerException(e.Message, e);
        }

        if (BuildEventRedirector is { } redirector)
        {
            EventForwarder.Attach(eventSource, redirector, _parameters.Tasks);
            return;
        }

        _timeline = new BuildTimeline(_parameters.Tasks);
        _timeline.Attach(eventSource);
    }

    /// <inheritdoc />
    public void Shutdown()
    {
        if (_timeline is null)
        {
            return;
        }

        try
        {
            BuildExporter.Export(_timeline, _parameters, ProcessEnvironment(), Directory.GetCurrentDirectory());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The record never costs the build its result: say so on stderr, as vigil exec does, and let MSBuild exit.
            Console.Error.WriteLine($"Vigil.MSBuild: the build was not recorded ({_parameters.StorePath ?? _parameters.OtlpEndpoint?.ToString() ?? "the local store"}): {e.Message}");
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
