using System.Diagnostics;
using Vigil.Tests.Support;

namespace Vigil.Tests.Tracing;

public sealed class SamplingTests
{
    private static int SpansRecorded(SamplerKind sampler, double ratio, int count, ActivityContext parent = default)
    {
        using var source = new ActivitySource($"Tests.Sampling.{Guid.NewGuid():N}");
        using var vigil = TestVigil.Start(o =>
        {
            o.Tracing.Sources.Add(source.Name);
            o.Tracing.Sampler = sampler;
            o.Tracing.SamplerRatio = ratio;
        });

        for (var i = 0; i < count; i++)
        {
            using var activity = source.StartActivity("work", ActivityKind.Internal, parent);
        }

        vigil.Stop();
        return vigil.Spans.Count(s => s.Source.Name == source.Name);
    }

    [Fact]
    public void AlwaysOn_KeepsEverySpan() => Assert.Equal(50, SpansRecorded(SamplerKind.AlwaysOn, 1, 50));

    [Fact]
    public void AlwaysOff_KeepsNoSpan() => Assert.Equal(0, SpansRecorded(SamplerKind.AlwaysOff, 1, 50));

    [Fact]
    public void Ratio_Zero_KeepsNoSpan() => Assert.Equal(0, SpansRecorded(SamplerKind.Ratio, 0, 50));

    [Fact]
    public void Ratio_Half_KeepsAboutHalf()
    {
        // Trace ids are random: 2000 draws at p=0.5 fall outside [800, 1200] with probability ~1e-19.
        var kept = SpansRecorded(SamplerKind.Ratio, 0.5, 2000);

        Assert.InRange(kept, 800, 1200);
    }

    [Fact]
    public void ParentBasedRatio_SampledRemoteParent_FollowsParentDespiteZeroRatio()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        Assert.Equal(20, SpansRecorded(SamplerKind.ParentBasedRatio, 0, 20, parent));
    }

    [Fact]
    public void ParentBasedAlwaysOn_UnsampledRemoteParent_DropsSpans()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        Assert.Equal(0, SpansRecorded(SamplerKind.ParentBasedAlwaysOn, 1, 20, parent));
    }

    [Fact]
    public void Traceparent_Propagation_ChildContinuesIncomingTrace()
    {
        using var source = new ActivitySource("Tests.Traceparent");
        using var vigil = TestVigil.Start(o => o.Tracing.Sources.Add(source.Name));
        const string Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        Assert.True(ActivityContext.TryParse(Traceparent, traceState: null, isRemote: true, out var parent));
        using (var activity = source.StartActivity("handle", ActivityKind.Server, parent))
        {
            Assert.NotNull(activity);
            Assert.Equal("0af7651916cd43dd8448eb211c80319c", activity.TraceId.ToHexString());
            Assert.Equal("b7ad6b7169203331", activity.ParentSpanId.ToHexString());
            Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", activity.Id, StringComparison.Ordinal);
        }

        vigil.Stop();
        Assert.Single(vigil.Spans, s => s.Source.Name == source.Name);
    }
}
