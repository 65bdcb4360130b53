using OpenTelemetry.Trace;

namespace Vigil.Tracing;

internal static class SamplerFactory
{
    public static Sampler Create(TracingOptions options) => options.Sampler switch
    {
        SamplerKind.AlwaysOn => new AlwaysOnSampler(),
        SamplerKind.AlwaysOff => new AlwaysOffSampler(),
        SamplerKind.Ratio => new TraceIdRatioBasedSampler(options.SamplerRatio),
        SamplerKind.ParentBasedAlwaysOn => new ParentBasedSampler(new AlwaysOnSampler()),
        SamplerKind.ParentBasedAlwaysOff => new ParentBasedSampler(new AlwaysOffSampler()),
        SamplerKind.ParentBasedRatio => new ParentBasedSampler(new TraceIdRatioBasedSampler(options.SamplerRatio)),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Sampler, "Unknown sampler."),
    };
}
