namespace Vigil.Server.Ingest;

/// <summary>
/// The server's own ingest figures (records received, rejected and dropped per signal, queue depth,
/// store size, request latency), read by the Prometheus endpoint. The ingest pipeline implements it;
/// the endpoint only renders what it is given.
/// </summary>
public interface IIngestStatistics
{
    /// <summary>Every figure as it stands now.</summary>
    IReadOnlyList<IngestFigure> Snapshot();
}
