using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Push;

/// <summary>
/// <c>vigil push</c> against the real <c>vigil serve</c>: everything arrives, a second push stores nothing twice, a
/// push killed after the server acknowledged a batch resumes with nothing missing and nothing twice, and error-group
/// status travels as status. Counts are checked against the local store's own counts and the records written.
/// </summary>
public sealed class PushTests : IDisposable
{
    private readonly TempStore _local = new();
    private readonly TempStore _remote = new();

    [Fact]
    public async Task A_push_sends_everything_and_a_second_push_stores_nothing_twice()
    {
        await PushFixture.WriteAsync(_local);
        await using var server = await ServedVigil.StartAsync(_remote.Path);

        var first = await PushAsync(server.Url, "--json", "--batch-size", "40");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var summary = JsonDocument.Parse(first.Stdout).RootElement;
        var local = await PushFixture.CountAsync(_local.Path);
        Assert.Equal((PushFixture.Logs, PushFixture.Spans, PushFixture.Points), local);
        Assert.Equal(local.Logs, summary.GetProperty("logs").GetProperty("sent").GetInt64());
        Assert.Equal(local.Spans, summary.GetProperty("spans").GetProperty("sent").GetInt64());
        Assert.Equal(local.Points, summary.GetProperty("metricPoints").GetProperty("sent").GetInt64());
        Assert.Equal(7, summary.GetProperty("logs").GetProperty("batches").GetInt32()); // 250 in 40s
        Assert.Equal(local, await PushFixture.CountAsync(_remote.Path));

        var second = await PushAsync(server.Url, "--json");
        Assert.True(second.ExitCode == 0, second.Stderr);
        var again = JsonDocument.Parse(second.Stdout).RootElement;
        Assert.Equal(0, again.GetProperty("logs").GetProperty("sent").GetInt64());
        Assert.Equal(0, again.GetProperty("spans").GetProperty("sent").GetInt64());
        Assert.Equal(0, again.GetProperty("metricPoints").GetProperty("sent").GetInt64());
        Assert.Equal(local, await PushFixture.CountAsync(_remote.Path));
        await AssertSameContentAsync();
    }

    [Fact]
    public async Task A_push_killed_after_the_server_stored_a_batch_resumes_with_nothing_missing_and_nothing_twice()
    {
        await PushFixture.WriteAsync(_local);
        await using var server = await ServedVigil.StartAsync(_remote.Path);
        await using (var proxy = await DroppingProxy.StartAsync(server.Url, dropAfter: 3))
        {
            var killed = await PushAsync(proxy.Url, "--batch-size", "25");
            Assert.Equal(2, killed.ExitCode);
            Assert.Contains("while pushing", killed.Stderr, StringComparison.Ordinal);
            Assert.Equal(4, proxy.Pushes);
        }

        // The fourth batch was stored though its answer was lost: four batches of 25 are on the server.
        Assert.Equal(100, (await PushFixture.CountAsync(_remote.Path)).Logs);

        var resumed = await PushAsync(server.Url, "--json", "--batch-size", "25");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        var summary = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.Equal(PushFixture.Logs - 100, summary.GetProperty("logs").GetProperty("sent").GetInt64());
        Assert.Equal(100, summary.GetProperty("logs").GetProperty("startPosition").GetInt64());
        Assert.Equal(await PushFixture.CountAsync(_local.Path), await PushFixture.CountAsync(_remote.Path));
        await AssertSameContentAsync();
    }

    [Fact]
    public async Task A_resolved_error_group_arrives_resolved_and_a_second_push_leaves_it()
    {
        await PushFixture.WriteAsync(_local);
        var store = SqliteTelemetryStore.Open(_local.Path, TelemetryStoreOptions.Writer);
        await using (store.ConfigureAwait(false))
        {
            var group = Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery()));
            await store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Resolved });
        }

        await using var server = await ServedVigil.StartAsync(_remote.Path);
        var first = await PushAsync(server.Url, "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(1, JsonDocument.Parse(first.Stdout).RootElement.GetProperty("errorGroups").GetProperty("statusesSet").GetInt32());
        var second = await PushAsync(server.Url, "--json");
        Assert.Equal(0, JsonDocument.Parse(second.Stdout).RootElement.GetProperty("errorGroups").GetProperty("statusesSet").GetInt32());

        var remote = SqliteTelemetryStore.Open(_remote.Path, TelemetryStoreOptions.Reader);
        await using (remote.ConfigureAwait(false))
        {
            var group = Assert.Single(await remote.QueryErrorGroupsAsync(new ErrorGroupQuery { Status = ErrorGroupStatus.Resolved }));
            Assert.Equal(PushFixture.ErrorLogs, group.Count);
        }
    }

    [Fact]
    public async Task A_push_of_one_service_sends_only_its_records_and_shows_progress_on_a_terminal()
    {
        await PushFixture.WriteAsync(_local);
        await using var server = await ServedVigil.StartAsync(_remote.Path);
        var harness = new CliHarness { Terminal = true, Interactive = true };
        var run = await harness.RunAsync("push", "--store", _local.Path, "--server", server.Url, "--service", "billing");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(run.Stdout.Contains("100%", StringComparison.Ordinal), run.Stdout);
        Assert.True(run.Stdout.Contains("120 sent", StringComparison.Ordinal), run.Stdout); // 250 logs, half of those past the first 10 are billing's
        var remote = await PushFixture.CountAsync(_remote.Path);
        Assert.Equal((120L, PushFixture.Spans / 2L, PushFixture.Points / 2L), remote);
    }

    private async Task AssertSameContentAsync()
    {
        var (localBodies, localSpans) = await PushFixture.ContentAsync(_local.Path);
        var (remoteBodies, remoteSpans) = await PushFixture.ContentAsync(_remote.Path);
        Assert.Equal(PushFixture.Logs, localBodies.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(localBodies, remoteBodies);
        Assert.Equal(localSpans, remoteSpans);
        var localExemplars = await PushFixture.ExemplarsAsync(_local.Path);
        Assert.Equal(PushFixture.Points / 10, localExemplars.Count);
        Assert.Equal(localExemplars, await PushFixture.ExemplarsAsync(_remote.Path));
    }

    private Task<CliRun> PushAsync(string server, params string[] options) =>
        new CliHarness().RunAsync(["push", "--store", _local.Path, "--server", server, .. options]);

    public void Dispose()
    {
        _local.Dispose();
        _remote.Dispose();
    }
}
