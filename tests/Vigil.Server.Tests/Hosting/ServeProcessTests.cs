using System.Diagnostics;
using System.Net;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Hosting;

public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_BoundToEveryInterfaceWithoutKey_WarnsAndSigtermDrainsThenExitsZero()
    {
        using var directory = new TempDirectory();
        var storePath = directory.Combine("vigil.db");
        using var serve = await ServeProcess.StartAsync("--store", storePath, "--bind", "0.0.0.0");
        using var client = new HttpClient { BaseAddress = serve.OtlpHttp, Timeout = TaskTimeouts.Default };
        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("before sigterm")))).DefaultTimeout();

        using (var kill = Process.Start("kill", ["-TERM", serve.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().DefaultTimeout();
        }

        var stderr = await serve.Process.StandardError.ReadToEndAsync().DefaultTimeout();
        await serve.Process.WaitForExitAsync().DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, serve.Process.ExitCode);
        Assert.Contains("warning: listening on 0.0.0.0", stderr, StringComparison.Ordinal);
        Assert.Contains("stopped", stderr, StringComparison.Ordinal);
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
        var span = Assert.Single(await store.GetTraceAsync(Convert.ToHexStringLower(Some.TraceId().ToByteArray())).DefaultTimeout());
        Assert.Equal("before sigterm", span.Name);
    }
}
