namespace Vigil;

/// <summary>
/// What the platform's own libraries report, captured without naming their sources or meters
/// (configuration section <c>Instrumentation</c>). Each is on by default, because these are what a
/// .NET developer expects an observability package to show; each can be turned off.
/// </summary>
public sealed class InstrumentationOptions
{
    /// <summary>
    /// ASP.NET Core: a server span per request (activity source <c>Microsoft.AspNetCore</c>, with the
    /// OpenTelemetry HTTP attributes such as <c>http.route</c>) and the framework's meters
    /// (<c>Microsoft.AspNetCore.*</c>: <c>http.server.request.duration</c>, Kestrel connections, routing, ...).
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool AspNetCore { get; set; } = true;

    /// <summary>
    /// HttpClient: a client span per outgoing request (activity source <c>System.Net.Http</c>, which carries
    /// the trace to the server it calls) and its meters (<c>System.Net.Http</c>: <c>http.client.request.duration</c>,
    /// connections; <c>System.Net.NameResolution</c>: DNS lookups). Default: <see langword="true"/>.
    /// </summary>
    public bool HttpClient { get; set; } = true;

    /// <summary>
    /// The runtime and the process: the meter <c>System.Runtime</c> (garbage collections, heap sizes, JIT,
    /// thread pool, lock contention, exceptions, the process's CPU time and working set).
    /// Default: <see langword="true"/>.
    /// </summary>
    public bool Runtime { get; set; } = true;
}
