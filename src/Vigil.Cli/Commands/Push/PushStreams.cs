using Vigil.Storage;

namespace Vigil.Cli.Commands.Push;

/// <summary>
/// The names of a push's streams on the server: one per signal, and per <c>--service</c> filter, because a push of
/// one service moves past the other services' records without sending them (docs/cli.md "vigil push").
/// </summary>
internal static class PushStreams
{
    public static string Name(PushSignal signal, string? service)
    {
        var name = signal switch
        {
            PushSignal.Logs => "logs",
            PushSignal.Spans => "spans",
            _ => "points",
        };
        return service is null ? name : $"{name};service={service}";
    }

    /// <summary>The path under <c>api/push/</c> a signal's batches go to (the OTLP/HTTP signal names).</summary>
    public static string Path(PushSignal signal) => signal switch
    {
        PushSignal.Logs => "logs",
        PushSignal.Spans => "traces",
        _ => "metrics",
    };

    /// <summary>The signal's name in the summary and the JSON.</summary>
    public static string Label(PushSignal signal) => signal switch
    {
        PushSignal.Logs => "logs",
        PushSignal.Spans => "spans",
        _ => "metricPoints",
    };
}
