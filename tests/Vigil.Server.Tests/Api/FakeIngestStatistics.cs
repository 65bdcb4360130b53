using Vigil.Server.Ingest;

namespace Vigil.Server.Tests.Api;

/// <summary>Fixed ingest figures for the /metrics tests.</summary>
internal sealed class FakeIngestStatistics : IIngestStatistics
{
    public List<IngestFigure> Figures { get; } =
    [
        new("vigil_ingest_records_received_total", "Records received.", "counter", [new("signal", "logs")], 12),
        new("vigil_ingest_records_received_total", "Records received.", "counter", [new("signal", "traces")], 3),
        new("vigil_ingest_queue_depth", "Records waiting to be stored.", "gauge", [], 0),
    ];

    public IReadOnlyList<IngestFigure> Snapshot() => Figures;
}
