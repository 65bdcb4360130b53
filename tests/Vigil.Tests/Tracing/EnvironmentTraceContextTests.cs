using System.Diagnostics;
using Vigil.Tests.Support;
using Vigil.Tracing;

namespace Vigil.Tests.Tracing;

public sealed class EnvironmentTraceContextTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void Read_ValidVariables_GivesRemoteParentStateAndBaggage()
    {
        var context = EnvironmentTraceContext.Read(new Dictionary<string, string?>
        {
            ["TRACEPARENT"] = TraceParent,
            ["TRACESTATE"] = "vendor=abc",
            ["BAGGAGE"] = "team=builds, run%20id=a%20b;prop=1, malformed, =nokey",
        });

        Assert.NotNull(context);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", context.Parent.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", context.Parent.SpanId.ToHexString());
        Assert.True(context.Parent.IsRemote);
        Assert.Equal("vendor=abc", context.Parent.TraceState);
        Assert.Equal([new("team", "builds"), new("run%20id", "a b")], context.Baggage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331")]
    public void Read_MissingOrInvalidTraceParent_IsIgnored(string? value)
    {
        Assert.Null(EnvironmentTraceContext.Read(new Dictionary<string, string?> { ["TRACEPARENT"] = value }));
    }

    [Fact]
    public void ParseBaggage_OversizedValue_IsDropped()
    {
        Assert.Empty(EnvironmentTraceContext.ParseBaggage("k=" + new string('v', 9000)));
    }

    [Fact]
    public void ParseBaggage_TooManyMembers_KeepsTheFirst64()
    {
        var text = string.Join(',', Enumerable.Range(0, 100).Select(i => $"k{i}=v"));

        Assert.Equal(64, EnvironmentTraceContext.ParseBaggage(text).Count);
    }

    [Fact]
    public void SdkStart_UnderTraceParent_ProcessSpanIsChildOfItAndParentOfTheProgramsSpans()
    {
        using var vigil = TestVigil.Start(environment: new Dictionary<string, string?> { ["TRACEPARENT"] = TraceParent, ["BAGGAGE"] = "team=builds" });
        vigil.Sdk.Operations.Track("work", () => { });
        vigil.Stop();

        var process = Assert.Single(vigil.Spans, s => s.OperationName == ProcessSpan.Name);
        var work = Assert.Single(vigil.Spans, s => s.DisplayName == "work");
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", process.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", process.ParentSpanId.ToHexString());
        Assert.Equal(process.SpanId, work.ParentSpanId);
        Assert.Equal("builds", work.GetBaggageItem("team"));
    }

    [Fact]
    public void SdkStart_WithoutTraceParent_StartsNoProcessSpan()
    {
        using var vigil = TestVigil.Start();
        vigil.Sdk.Operations.Track("work", () => { });
        vigil.Stop();

        Assert.DoesNotContain(vigil.Spans, s => s.OperationName == ProcessSpan.Name);
        Assert.Equal(default, Assert.Single(vigil.Spans).ParentSpanId);
        Assert.Null(Activity.Current);
    }
}
