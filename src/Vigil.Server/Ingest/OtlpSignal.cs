namespace Vigil.Server.Ingest;

/// <summary>The three OTLP signals; the label value of the ingest figures.</summary>
internal enum OtlpSignal
{
    Traces,
    Logs,
    Metrics,
}
