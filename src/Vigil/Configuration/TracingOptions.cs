using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>Which activity sources are traced and how (configuration section <c>Tracing</c>).</summary>
public sealed class TracingOptions
{
    /// <summary>Whether spans are collected at all. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// ActivitySource names to trace, besides Vigil's own. A trailing <c>*</c> is a wildcard; <c>*</c> alone traces every source.
    /// </summary>
    public IList<string> Sources { get; } = new List<string>();

    /// <summary>The sampler. Default: <see cref="SamplerKind.ParentBasedAlwaysOn"/>, as in OpenTelemetry.</summary>
    public SamplerKind Sampler { get; set; } = SamplerKind.ParentBasedAlwaysOn;

    /// <summary>The fraction of traces kept by the ratio samplers, from 0 to 1. Default: 1.</summary>
    [Range(0.0, 1.0)]
    public double SamplerRatio { get; set; } = 1.0;
}
