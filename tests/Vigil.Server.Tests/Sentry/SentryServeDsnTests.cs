using Vigil.Model;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Sentry;

/// <summary><c>vigil serve</c> as a process: the DSN it prints, used as printed by the Sentry SDK, delivers a group.</summary>
[Collection(SentrySdkIsGlobal.Name)]
public sealed class SentryServeDsnTests
{
    [Fact]
    public async Task Serve_PrintedDsnInTheSdk_EventArrivesAsGroup()
    {
        using var directory = new TempDirectory();
        var storePath = directory.Combine("vigil.db");
        using var serve = await ServeProcess.StartAsync("--store", storePath);
        Assert.NotNull(serve.SentryDsn);
        Assert.StartsWith("http://", serve.SentryDsn, StringComparison.Ordinal);

        using (SentrySdk.Init(options =>
        {
            options.Dsn = serve.SentryDsn;
            options.Release = "billing@3.1.0";
            options.AutoSessionTracking = false;
        }))
        {
            try
            {
                throw new TimeoutException("the ledger did not answer");
            }
            catch (TimeoutException e)
            {
                SentrySdk.CaptureException(e);
            }

            await SentrySdk.FlushAsync(TaskTimeouts.Default).DefaultTimeout();
        }

        serve.Process.Kill(entireProcessTree: true);
        await serve.Process.WaitForExitAsync().DefaultTimeout();
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
        var group = Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout());
        Assert.Equal(typeof(TimeoutException).FullName, group.Type);
        Assert.Equal(["billing@3.1.0"], group.Releases);
    }
}
