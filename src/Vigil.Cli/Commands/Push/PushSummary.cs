using Vigil.Storage;

namespace Vigil.Cli.Commands.Push;

/// <summary>What a run of <c>vigil push</c> did, for the text and JSON summaries.</summary>
internal sealed class PushSummary
{
    public PushSummary(string source, string server)
    {
        Source = source;
        Server = server;
    }

    /// <summary>The local store's identity, the server's name for it.</summary>
    public string Source { get; }

    /// <summary>The server pushed to.</summary>
    public string Server { get; }

    /// <summary>Each signal's account, in push order.</summary>
    public Dictionary<PushSignal, PushSignalSummary> Signals { get; } = new()
    {
        [PushSignal.Logs] = new(),
        [PushSignal.Spans] = new(),
        [PushSignal.MetricPoints] = new(),
    };

    /// <summary>Error groups whose status (resolved, ignored) was set on the server.</summary>
    public int ErrorStatusesSet { get; set; }

    /// <summary>Locally resolved or ignored groups the server has no group for (their events were not pushed).</summary>
    public int ErrorGroupsNotOnServer { get; set; }
}
