using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Otlp;

/// <summary>
/// Hostile input: one deeply nested attribute value (lists in lists, or maps in maps) sent through every writer: the
/// store written directly, the SDK's local store sink, and the server's OTLP/HTTP protobuf receiver. Each stores the
/// same value, capped at <see cref="AttributeValueEncoder.MaxDepth"/> levels. Past what protobuf decodes (100 nested
/// messages: an AnyValue list level is two, a map level three) the server refuses the request instead, with a 400 that says why.
/// </summary>
public sealed class NestedAttributeCapTests
{
    [Theory]
    [InlineData(false, 20)]
    [InlineData(true, 20)]
    [InlineData(false, 50)]
    [InlineData(true, 50)]
    [InlineData(false, 1000)]
    [InlineData(true, 1000)]
    public async Task DeepAttribute_ThroughStoreSdkAndServer_StoredCappedTheSameWayByEach(bool maps, int depth)
    {
        // Arrange
        using var directory = new TempDirectory();

        // Act
        var direct = await ThroughStoreAsync(directory.Combine("direct.db"), Clr(maps, depth));
        var sdk = await ThroughSdkAsync(directory.Combine("sdk.db"), Clr(maps, depth));
        var (status, server) = await ThroughServerAsync(Otlp(maps, depth));

        // Assert: capped, the same by the SDK as by a direct write...
        AssertCapped(maps, direct);
        Assert.Equal(Json(direct), Json(sdk));

        // ...and by the server, whenever the request is one protobuf can decode.
        // Request, resource logs, scope logs, record, key-value; then two messages a list level, three a map level; then the leaf.
        var messages = 5 + (depth * (maps ? 3 : 2)) + 1;
        if (messages <= 100)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Json(direct), Json(server));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Null(server);
        }
    }

    private static object Clr(bool maps, int depth)
    {
        object value = "leaf";
        for (var i = 0; i < depth; i++)
        {
            value = maps ? new Dictionary<string, object?> { ["k"] = value } : new object?[] { value };
        }

        return value;
    }

    private static AnyValue Otlp(bool maps, int depth)
    {
        var value = new AnyValue { StringValue = "leaf" };
        for (var i = 0; i < depth; i++)
        {
            value = maps
                ? new AnyValue { KvlistValue = new KeyValueList { Values = { new KeyValue { Key = "k", Value = value } } } }
                : new AnyValue { ArrayValue = new ArrayValue { Values = { value } } };
        }

        return value;
    }

    private static async Task<object?> ThroughStoreAsync(string path, object value)
    {
        await using (var store = SqliteTelemetryStore.Open(path))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [new LogEntry { Timestamp = DateTimeOffset.UtcNow, Body = "deep", Attributes = [new("deep", value)] }] }).DefaultTimeout();
        }

        return await ReadBackAsync(path);
    }

    private static async Task<object?> ThroughSdkAsync(string path, object value)
    {
        using (var vigil = VigilSdk.Start(options =>
        {
            options.Service.Name = "nesting";
            options.Console.Enabled = false;
            options.Store.Enabled = true;
            options.Store.Path = path;
        }))
        {
            vigil.CreateLogger("Nesting").Log(LogLevel.Information, default, (IReadOnlyList<KeyValuePair<string, object?>>)[new("deep", value)], null, (_, _) => "deep");
        }

        return await ReadBackAsync(path);
    }

    private static async Task<(HttpStatusCode Status, object? Value)> ThroughServerAsync(AnyValue value)
    {
        await using var server = await TestServer.StartAsync();
        var log = Some.Log("deep");
        log.Attributes.Add(new KeyValue { Key = "deep", Value = value });
        using var response = await server.CreateHttpClient().PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(log))).DefaultTimeout();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Refused whole, with the reason in words, and nothing stored.
            Assert.Contains("deeper than 100 levels", await response.Content.ReadAsStringAsync().DefaultTimeout(), StringComparison.Ordinal);
            Assert.Empty(await server.Store.QueryLogsAsync(new LogQuery()).DefaultTimeout());
            return (response.StatusCode, null);
        }

        Assert.Null(ExportLogsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout()).PartialSuccess);
        return (response.StatusCode, Deep(Assert.Single(await server.Store.QueryLogsAsync(new LogQuery()).DefaultTimeout())));
    }

    private static async Task<object?> ReadBackAsync(string path)
    {
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        return Deep(Assert.Single(await store.QueryLogsAsync(new LogQuery()).DefaultTimeout(), l => l.Body == "deep"));
    }

    private static object? Deep(LogEntry log) => Assert.Single(log.Attributes, a => a.Key == "deep").Value;

    /// <summary>Lists read back as lists, <see cref="AttributeValueEncoder.MaxDepth"/> deep; maps as their JSON text, as deep.</summary>
    private static void AssertCapped(bool maps, object? value)
    {
        if (maps)
        {
            using var document = JsonDocument.Parse(Assert.IsType<string>(value));
            var element = document.RootElement;
            for (var i = 0; i < AttributeValueEncoder.MaxDepth; i++)
            {
                element = element.GetProperty("k");
            }

            Assert.Equal(AttributeValueEncoder.TooDeep, element.GetString());
            return;
        }

        for (var i = 0; i < AttributeValueEncoder.MaxDepth; i++)
        {
            value = Assert.Single(Assert.IsType<object?[]>(value));
        }

        Assert.Equal(AttributeValueEncoder.TooDeep, value);
    }

    private static string Json(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueEncoder.WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
