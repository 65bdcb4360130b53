using System.Diagnostics;
using System.Net;
using System.Reflection;
using Vigil.Server.Tests.Support;
using Vigil.Storage;

namespace Vigil.Server.Tests.Hosting;

/// <summary>Acknowledged means durable: <c>vigil serve</c> killed outright right after answering loses nothing.</summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task ServeProcess_KilledRightAfterAcknowledging_NothingAcknowledgedIsLost()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var storePath = Path.Combine(directory, "vigil.db");
        var cli = typeof(CrashDurabilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VigilCliPath").Value!;
        Assert.True(File.Exists(cli), $"The CLI build output is missing: {cli}");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "serve", "--store", storePath, "--grpc-port", "0", "--otlp-port", "0", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("VIGIL_API_KEY");
        using var process = Process.Start(start)!;
        try
        {
            // Arrange: read the chosen OTLP/HTTP port from the start-up block.
            string? line;
            Uri? endpoint = null;
            while (endpoint is null && (line = await process.StandardOutput.ReadLineAsync().DefaultTimeout()) is not null)
            {
                if (line.TrimStart().StartsWith("OTLP/HTTP", StringComparison.Ordinal))
                {
                    endpoint = new Uri(line.Trim()["OTLP/HTTP".Length..].Trim());
                }
            }

            Assert.NotNull(endpoint);
            using var client = new HttpClient { BaseAddress = endpoint, Timeout = TaskTimeouts.Default };

            // Act: twenty acknowledged requests in parallel, then SIGKILL with no chance to flush.
            var sends = Enumerable.Range(0, 20).Select(i => client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span($"acknowledged {i}", (byte)(i + 1)))))).ToList();
            var responses = await Task.WhenAll(sends).DefaultTimeout();
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().DefaultTimeout();

            // Assert
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
            for (var i = 0; i < 20; i++)
            {
                var traceId = Convert.ToHexStringLower(Some.TraceId((byte)(i + 1)).ToByteArray());
                var span = Assert.Single(await store.GetTraceAsync(traceId).DefaultTimeout());
                Assert.Equal($"acknowledged {i}", span.Name);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }
}
