using System.Net;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Ingest;

/// <summary>One request whose records the store cannot hold must not fail the other requests of its group commit.</summary>
public sealed class CommitIsolationTests
{
    [Fact]
    public async Task GroupCommit_OneRequestTheStoreRefuses_OnlyThatOneRejectedAndTheOther29Stored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        server.Store.Refuses = batch => batch.Spans.Any(s => s.Name == "poison");
        var (innocent, poisoned) = await QueueBehindHeldCommitAsync(server, client, "/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("poison", 100))));

        var answers = await Task.WhenAll(innocent).DefaultTimeout();
        using var rejected = await poisoned.DefaultTimeout();

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Null(ExportTraceServiceResponse.Parser.ParseFrom(await answer.Content.ReadAsByteArrayAsync().DefaultTimeout()).PartialSuccess);
            answer.Dispose();
        }

        // A permanent rejection: 200 with partial_success, which exporters do not retry (a 503 would bring it back).
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var partial = ExportTraceServiceResponse.Parser.ParseFrom(await rejected.Content.ReadAsByteArrayAsync().DefaultTimeout()).PartialSuccess;
        Assert.Equal(1, partial.RejectedSpans);
        Assert.Equal("The store cannot hold this request's records; they were rejected and should not be sent again.", partial.ErrorMessage);
        Assert.Equal(29, server.Store.Spans.Count);
        Assert.DoesNotContain(server.Store.Spans, s => s.Name == "poison");
        Assert.Equal(29, server.Statistics.Stored(OtlpSignal.Traces));
        Assert.Equal(1, server.Statistics.Rejected(OtlpSignal.Traces));
        Assert.Equal(0, server.Statistics.Dropped(OtlpSignal.Traces));
    }

    [Fact]
    public async Task GroupCommit_OneRequestWithNaNAmong30_AllThirtyStored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        // Before NaN could be stored, this request failed the group's transaction and 29 innocent senders got 503.
        var (innocent, nan) = await QueueBehindHeldCommitAsync(server, client, "/v1/metrics", OtlpHttp.Protobuf(NonFiniteValuesTests.NonFinite(Some.Time)), lastRecords: 2);
        var answers = await Task.WhenAll(innocent.Append(nan)).DefaultTimeout();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(29, server.Store.Spans.Count);
        Assert.Equal(2, server.Store.Points.Count);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task GroupCommit_StoreFails_EveryRequest503WithoutInternalsAndNotRetriedOneByOne()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        server.Store.Close();
        var first = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("first"))));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");
        var grouped = Enumerable.Range(0, 3)
            .Select(i => client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span($"grouped {i}", (byte)(10 + i))))))
            .ToList();
        await Eventually.TrueAsync(() => server.Statistics.QueueDepth == 4, "all four requests to be queued");
        server.Store.FailWith = new IOException($"disk full at {server.Store.Location}");
        server.Store.Open();

        var answers = await Task.WhenAll(grouped.Append(first)).DefaultTimeout();

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            var message = Vigil.Server.Otlp.Proto.Rpc.Status.Parser.ParseFrom(await answer.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message;
            Assert.Equal("The store could not commit the records; retry later.", message);
            answer.Dispose();
        }

        // A full disk fails everyone alike: the group is not retried request by request.
        Assert.Equal(2, server.Store.WritesStarted);
        Assert.Equal(4, server.Statistics.Dropped(OtlpSignal.Traces));
    }

    /// <summary>
    /// Holds one request's commit, queues 28 more innocent requests and <paramref name="last"/> behind it, then lets
    /// the commits run: the 29 wait for one group commit. Returns the 29 innocent answers (the held one included).
    /// </summary>
    private static async Task<(List<Task<HttpResponseMessage>> Innocent, Task<HttpResponseMessage> Last)> QueueBehindHeldCommitAsync(
        TestServer server, HttpClient client, string path, HttpContent last, int lastRecords = 1)
    {
        server.Store.Close();
        var first = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("first"))));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");
        var innocent = Enumerable.Range(0, 28)
            .Select(i => client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span($"innocent {i}", (byte)(10 + i))))))
            .Append(first)
            .ToList();
        var lastAnswer = client.PostAsync(path, last);
        await Eventually.TrueAsync(() => server.Statistics.QueueDepth == 29 + lastRecords, "all thirty requests to be queued");
        server.Store.Open();
        return (innocent, lastAnswer);
    }
}
