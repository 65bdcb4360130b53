using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>
/// One exception reported four times — by nested tracked operations (a log and a span event each) — crosses the real
/// OpenTelemetry OTLP exporters with one <see cref="ExceptionIdentity"/> and is one occurrence in the server's store.
/// </summary>
public sealed class SdkExceptionIdentityTests
{
    [Theory]
    [InlineData(OtlpProtocol.Grpc)]
    [InlineData(OtlpProtocol.HttpProtobuf)]
    public async Task Export_NestedOperationsFail_OneGroupCountedOnce(OtlpProtocol protocol)
    {
        // Arrange
        await using var server = await TestServer.StartAsync();
        var message = $"card declined {Guid.NewGuid():N}";
        using (var sdk = VigilSdk.Start(o =>
        {
            o.Service.Name = "exception-identity";
            o.Otlp.Enabled = true;
            o.Otlp.Endpoint = protocol == OtlpProtocol.Grpc ? server.GrpcEndpoint : server.HttpEndpoint;
            o.Otlp.Protocol = protocol;
            o.Store.Enabled = false;
            o.Console.Enabled = false;
        }))
        {
            // Act
            Assert.Throws<InvalidOperationException>(() => sdk.Operations.Track("checkout", () =>
                sdk.Operations.Track("charge", () => throw new InvalidOperationException(message))));
            Assert.True(sdk.Flush(TaskTimeouts.Default));
        }

        // Assert: four reports stored, all with one id, counted once.
        var logs = (await server.Store.QueryLogsAsync(new LogQuery()).DefaultTimeout()).Where(l => l.ExceptionMessage == message).ToList();
        Assert.Equal(2, logs.Count);
        var spans = new List<SpanEntry>();
        foreach (var traceId in logs.Select(l => l.TraceId!).Distinct())
        {
            spans.AddRange(await server.Store.GetTraceAsync(traceId).DefaultTimeout());
        }

        var events = spans.SelectMany(s => s.Events).Where(e => e.Name == "exception").ToList();
        Assert.Equal(2, events.Count);
        var ids = logs.Select(l => l.Attributes.Single(a => a.Key == ExceptionIdentity.AttributeName).Value)
            .Concat(events.Select(e => e.Attributes.Single(a => a.Key == ExceptionIdentity.AttributeName).Value))
            .Distinct();
        Assert.Single(ids);
        var group = Assert.Single(await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout(), g => g.Message == message);
        Assert.Equal(1, group.Count);
    }
}
