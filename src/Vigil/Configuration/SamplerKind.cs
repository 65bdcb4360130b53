namespace Vigil;

/// <summary>How spans are sampled; the names follow <c>OTEL_TRACES_SAMPLER</c>.</summary>
public enum SamplerKind
{
    /// <summary>Keep every span (<c>always_on</c>).</summary>
    AlwaysOn,

    /// <summary>Keep no span (<c>always_off</c>).</summary>
    AlwaysOff,

    /// <summary>Keep a fixed fraction of traces, decided from the trace id (<c>traceidratio</c>).</summary>
    Ratio,

    /// <summary>Follow the parent's decision; keep every root (<c>parentbased_always_on</c>).</summary>
    ParentBasedAlwaysOn,

    /// <summary>Follow the parent's decision; keep no root (<c>parentbased_always_off</c>).</summary>
    ParentBasedAlwaysOff,

    /// <summary>Follow the parent's decision; keep a fraction of roots (<c>parentbased_traceidratio</c>).</summary>
    ParentBasedRatio,
}
