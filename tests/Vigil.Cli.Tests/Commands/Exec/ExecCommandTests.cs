using System.Globalization;
using System.Runtime.Versioning;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Exec;

/// <summary>
/// <c>vigil exec</c> as a user runs it: the built executable as a real process, a real command as its child (sh,
/// cat), and a real store file read back afterwards.
/// </summary>
public sealed class ExecCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string StorePath => _directory.Combine("exec.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Exec_SucceedingCommand_PassesOutputThroughAndRecordsSpanAndLines()
    {
        var run = await ExecAsync(null, "sh", "-c", "printf 'hello\\n\\033[31mred\\033[0m\\n'; echo oops >&2; echo 'Program.cs(3,5): error CS1002: ; expected'");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hello\n\u001b[31mred\u001b[0m\nProgram.cs(3,5): error CS1002: ; expected\n", run.Stdout);
        Assert.Equal("oops\n", run.Stderr);

        var records = await ExecRecords.ReadAsync(StorePath);
        var span = records.SingleExecSpan();
        Assert.Equal("sh", span.Name);
        Assert.Equal(SpanStatusCode.Unset, span.StatusCode);
        Assert.Equal(0L, Convert.ToInt64(ExecRecords.Attribute(span, "process.exit.code"), CultureInfo.InvariantCulture));
        Assert.Equal("success", ExecRecords.Attribute(span, "cicd.pipeline.task.run.result"));
        Assert.Equal(_directory.Path, ExecRecords.Attribute(span, "process.working_directory"));
        Assert.Equal((long)run.Stdout.Length + run.Stderr.Length, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.size"), CultureInfo.InvariantCulture));
        Assert.Equal(4L, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.lines"), CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.error_lines"), CultureInfo.InvariantCulture));
        Assert.True(Convert.ToDouble(ExecRecords.Attribute(span, "vigil.exec.cpu_time"), CultureInfo.InvariantCulture) > 0);
        Assert.True(Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.memory.peak"), CultureInfo.InvariantCulture) > 0);

        // Each line one record in the span, colours removed, at the level of its stream or its content.
        var lines = records.Logs.Select(l => (l.Body, l.SeverityText, Stream: l.Attributes.Single(a => a.Key == "log.iostream").Value as string)).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains(("hello", "Information", "stdout"), lines);
        Assert.Contains(("red", "Information", "stdout"), lines);
        Assert.Contains(("oops", "Warning", "stderr"), lines);
        Assert.Contains(("Program.cs(3,5): error CS1002: ; expected", "Error", "stdout"), lines);
        Assert.All(records.Logs, l => Assert.Equal(span.SpanId, l.SpanId));
    }

    [Fact]
    public async Task Exec_FailingCommand_ExitsWithItsCodeAndRecordsFailure()
    {
        var run = await ExecAsync(null, "sh", "-c", "exit 7");

        Assert.Equal(7, run.ExitCode);
        var span = (await ExecRecords.ReadAsync(StorePath)).SingleExecSpan();
        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.Equal("failure", ExecRecords.Attribute(span, "cicd.pipeline.task.run.result"));
        Assert.Equal(7L, Convert.ToInt64(ExecRecords.Attribute(span, "process.exit.code"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Exec_CommandKilledBySignal_ExitsWith128PlusSignal()
    {
        var run = await ExecAsync(null, "sh", "-c", "kill -TERM $$");

        Assert.Equal(128 + 15, run.ExitCode);
        var span = (await ExecRecords.ReadAsync(StorePath)).SingleExecSpan();
        Assert.Equal(143L, Convert.ToInt64(ExecRecords.Attribute(span, "process.exit.code"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Exec_CommandNotFound_Exits127WithMessageAndRecordsError()
    {
        var run = await ExecAsync(null, "no-such-command-for-vigil-exec");

        Assert.Equal(127, run.ExitCode);
        Assert.Contains("no-such-command-for-vigil-exec: command not found", run.Stderr, StringComparison.Ordinal);
        var span = (await ExecRecords.ReadAsync(StorePath)).SingleExecSpan();
        Assert.Equal("error", ExecRecords.Attribute(span, "cicd.pipeline.task.run.result"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Exec_FileNotExecutable_Exits126()
    {
        var script = _directory.Combine("not-executable.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho never\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await ExecAsync(null, script);

        Assert.Equal(126, run.ExitCode);
        Assert.Contains("cannot run it", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Exec_CommandReadingStdin_GetsVigilsInput()
    {
        var run = await ExecAsync("first line\nsecond line\n", "cat");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("first line\nsecond line\n", run.Stdout);
        var records = await ExecRecords.ReadAsync(StorePath);
        Assert.Equal(["first line", "second line"], records.Logs.Select(l => l.Body));
    }

    [Fact]
    public async Task Exec_MegabytesOfOutput_PassesEveryByteThroughAndCountsIt()
    {
        // 50,000 numbered lines of 48 bytes (2.4 MB) as fast as awk writes them; few enough to read back in one query.
        var run = await ExecAsync(null, "--record-lines", "all", "--", "awk", "BEGIN { for (i = 0; i < 50000; i++) printf \"line %08d .................................\\n\", i }");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.Equal(50_001, lines.Length);
        Assert.Equal(2_400_000, run.Stdout.Length);
        Assert.StartsWith("line 00000000 ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("line 00049999 ", lines[49_999], StringComparison.Ordinal);

        var records = await ExecRecords.ReadAsync(StorePath);
        var span = records.SingleExecSpan();
        Assert.Equal((long)run.Stdout.Length, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.size"), CultureInfo.InvariantCulture));
        Assert.Equal(50_000L, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.lines"), CultureInfo.InvariantCulture));

        // What was not recorded is counted on the span; what was recorded is every line in order, none twice.
        var notRecorded = ExecRecords.Attribute(span, "vigil.exec.output.not_recorded");
        if (notRecorded is null)
        {
            Assert.Equal(50_000, records.Logs.Count);
        }
        else
        {
            Assert.True(Convert.ToInt64(notRecorded, CultureInfo.InvariantCulture) > 0);
        }

        Assert.Equal(records.Logs.Count, records.Logs.Select(l => l.Body).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Exec_OutputOverRecordLines_RecordsHeadErrorsAndTailAndCountsTheRest()
    {
        // 5,000 lines, one of them (line 2,501) a compiler error in the middle, recorded with --record-lines 100.
        var run = await ExecAsync(null, "--record-lines", "100", "--", "awk", "BEGIN { for (i = 1; i <= 5000; i++) if (i == 2501) print \"Program.cs(1,1): error CS1002: ; expected\"; else printf \"line %d\\n\", i }");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5000, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var records = await ExecRecords.ReadAsync(StorePath);
        var span = records.SingleExecSpan();
        Assert.Equal(5000L, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.lines"), CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.error_lines"), CultureInfo.InvariantCulture));
        Assert.Equal(4799L, Convert.ToInt64(ExecRecords.Attribute(span, "vigil.exec.output.lines_not_recorded"), CultureInfo.InvariantCulture));

        // The first 100 lines, the error, the note on what was left out, and the last 100 lines: nothing else, none twice.
        var bodies = records.Logs.Select(l => l.Body).ToList();
        var expected = Enumerable.Range(1, 100).Select(i => $"line {i}")
            .Append("Program.cs(1,1): error CS1002: ; expected")
            .Append("vigil exec: 4,799 lines of stdout between line 101 and line 4,900 are not recorded (over --record-lines 100: the first 100 lines and the last 100 are, and the 1 between them that read as errors or compiler warnings)")
            .Concat(Enumerable.Range(4901, 100).Select(i => $"line {i}"))
            .ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), bodies.Order(StringComparer.Ordinal));
        Assert.Equal("Error", Assert.Single(records.Logs, l => l.Body?.Contains("CS1002", StringComparison.Ordinal) == true).SeverityText);
        Assert.All(records.Logs, l => Assert.Equal(span.SpanId, l.SpanId));
    }

    [Fact]
    public async Task Exec_TailAndNote_CarryTheTimeTheirLinesWerePrinted()
    {
        // With --record-lines 1: "a" is the head, "b" is left out, "c" is the tail, recorded after the command ended.
        var run = await ExecAsync(null, "--record-lines", "1", "--", "sh", "-c", "echo a; sleep 0.2; echo b; sleep 0.2; echo c");

        Assert.Equal(0, run.ExitCode);
        var records = await ExecRecords.ReadAsync(StorePath);
        var span = records.SingleExecSpan();
        var a = Assert.Single(records.Logs, l => l.Body == "a");
        var note = Assert.Single(records.Logs, l => l.Body?.StartsWith("vigil exec: 1 lines of stdout between line 2 and line 2", StringComparison.Ordinal) == true);
        var c = Assert.Single(records.Logs, l => l.Body == "c");

        // In the span and in the order printed: a record stamped when written would fall after the span's end.
        Assert.InRange(a.Timestamp, span.StartTime, span.EndTime);
        Assert.InRange(c.Timestamp, span.StartTime, span.EndTime);
        Assert.True(a.Timestamp < note.Timestamp && note.Timestamp < c.Timestamp, $"{a.Timestamp:O} < {note.Timestamp:O} < {c.Timestamp:O}");
    }

    [Fact]
    public async Task Exec_SecretsInArguments_AreRedactedInTheRecord()
    {
        var run = await ExecAsync(null, "sh", "-c", "exit 0", "sh", "--password", "hunter2", "--api-key=abc123", "GITHUB_TOKEN=ghp_x", "https://user:pw@example.com/repo.git");

        Assert.Equal(0, run.ExitCode);
        var span = (await ExecRecords.ReadAsync(StorePath)).SingleExecSpan();
        var commandLine = (string)ExecRecords.Attribute(span, "process.command_line")!;
        Assert.DoesNotContain("hunter2", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_x", commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", commandLine, StringComparison.Ordinal);
        Assert.Contains("--password '***' '--api-key=***' 'GITHUB_TOKEN=***' 'https://***@example.com/repo.git'", commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_NestedExec_JoinsTheSameTraceUnderTheOuterSpan()
    {
        var run = await ExecAsync(null, "--name", "outer", "--", VigilProcess.Executable, "exec", "--store", StorePath, "--name", "inner", "--", "sh", "-c", "echo $TRACEPARENT");

        Assert.Equal(0, run.ExitCode);
        var spans = (await ExecRecords.ReadAsync(StorePath)).Spans.Where(s => s.Scope.Name == "Vigil.Exec").ToList();
        var outer = Assert.Single(spans, s => s.Name == "outer");
        var inner = Assert.Single(spans, s => s.Name == "inner");
        Assert.Null(outer.ParentSpanId);
        Assert.Equal(outer.TraceId, inner.TraceId);
        Assert.Equal(outer.SpanId, inner.ParentSpanId);

        // The innermost command was handed the inner span.
        Assert.Equal($"00-{inner.TraceId}-{inner.SpanId}-01", run.Stdout.Trim());
    }

    [Fact]
    public async Task Exec_UnderTraceParent_RecordsItsSpanAsAChildOfIt()
    {
        var parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var run = await VigilProcess.RunAsync(_directory.Path, new Dictionary<string, string?> { ["TRACEPARENT"] = parent }, null, "exec", "--store", StorePath, "--", "true");

        Assert.Equal(0, run.ExitCode);
        var span = (await ExecRecords.ReadAsync(StorePath)).SingleExecSpan();
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span.TraceId);
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId);
    }

    [Fact]
    public async Task Exec_InCi_RecordsProviderRunIdAndGitState()
    {
        await GitAsync("init", "-q", "-b", "feature/x");
        await File.WriteAllTextAsync(_directory.Combine("a.txt"), "a");
        await GitAsync("add", "a.txt");
        await GitAsync("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
        await File.WriteAllTextAsync(_directory.Combine("a.txt"), "changed");

        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_RUN_ID"] = "4242", ["GITHUB_WORKFLOW"] = "ci" };
        var run = await VigilProcess.RunAsync(_directory.Path, environment, null, "exec", "--store", StorePath, "--", "true");

        Assert.Equal(0, run.ExitCode);
        var span = (await ExecRecords.ReadAsync(StorePath)).SingleExecSpan();
        Assert.Equal("github_actions", ExecRecords.Attribute(span, "vigil.cicd.provider"));
        Assert.Equal("4242", ExecRecords.Attribute(span, "cicd.pipeline.run.id"));
        Assert.Equal("feature/x", ExecRecords.Attribute(span, "vcs.ref.head.name"));
        Assert.Equal((await GitAsync("rev-parse", "HEAD")).Trim(), ExecRecords.Attribute(span, "vcs.ref.head.revision"));
        Assert.Equal(true, ExecRecords.Attribute(span, "vigil.vcs.dirty"));
    }

    [Theory]
    [InlineData(new[] { "exec" }, "Required argument missing")]
    [InlineData(new[] { "exec", "--otlp", "not a url", "--", "true" }, "--otlp: 'not a url' is not an http:// or https:// URL")]
    [InlineData(new[] { "exec", "--otlp", "ftp://host", "--", "true" }, "is not an http:// or https:// URL")]
    [InlineData(new[] { "exec", "--otlp", "http://127.0.0.1:4318", "--store", "x.db", "--", "true" }, "cannot be combined with --store")]
    [InlineData(new[] { "exec", "--record-lines", "0", "--", "true" }, "--record-lines: '0' is not a positive number of lines or 'all'")]
    [InlineData(new[] { "exec", "--record-lines", "many", "--", "true" }, "--record-lines: 'many' is not a positive number of lines or 'all'")]
    [InlineData(new[] { "exec", "--record-lines", "1.5", "--", "true" }, "is not a positive number of lines")]
    [InlineData(new[] { "exec", "--record-lines", "99999999999999999999", "--", "true" }, "is not a positive number of lines")]
    public async Task Exec_BadArguments_ExitOneWithMessageAndRunNothing(string[] arguments, string message)
    {
        var run = await VigilProcess.RunAsync(_directory.Path, new Dictionary<string, string?>(), null, arguments);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.Combine(".vigil", "vigil.db")));
    }

    [Fact]
    public async Task Exec_StoreCannotBeWritten_StillRunsTheCommandAndKeepsItsExitCode()
    {
        var blocker = _directory.Combine("file");
        await File.WriteAllTextAsync(blocker, "not a directory");

        var run = await VigilProcess.RunAsync(_directory.Path, new Dictionary<string, string?>(), null, "exec", "--store", Path.Combine(blocker, "vigil.db"), "--", "sh", "-c", "echo out; exit 3");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("out\n", run.Stdout);
        Assert.Contains("vigil exec: not recording this run", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WithPrometheusPushGateway_PushesTheRunsMetricsGroupedByTaskAndHost()
    {
        await using var gateway = await Vigil.Testing.PushGateway.PushGatewayServer.StartAsync();
        var environment = new Dictionary<string, string?> { ["PROMETHEUS_PUSH_GATEWAY"] = gateway.Endpoint.AbsoluteUri };

        var run = await VigilProcess.RunAsync(_directory.Path, environment, null, "exec", "--store", StorePath, "--name", "nightly/import", "--", "sh", "-c", "exit 3");

        Assert.Equal(3, run.ExitCode);
        var group = new[] { ("job", "nightly/import"), ("instance", Environment.MachineName) };
        var count = Assert.Single(await gateway.SamplesAsync("vigil_exec_duration_seconds_count", [.. group, ("cicd_pipeline_task_run_result", "failure")]));
        Assert.Equal("nightly/import", count.Labels["cicd_pipeline_task_name"]);
        Assert.Equal(1, count.Value);

        // The store got its record as well: pushing is in addition to it.
        Assert.Equal("failure", ExecRecords.Attribute((await ExecRecords.ReadAsync(StorePath)).SingleExecSpan(), "cicd.pipeline.task.run.result"));
        Assert.True(Assert.Single(await gateway.SamplesAsync("vigil_exec_duration_seconds_sum", group)).Value > 0);
        Assert.Equal(1, Assert.Single(await gateway.SamplesAsync("vigil_exec_cpu_time_seconds_count", group)).Value);
        Assert.True(Assert.Single(await gateway.SamplesAsync("vigil_exec_memory_peak_bytes_sum", group)).Value > 0);
    }

    [Fact]
    public async Task Exec_PushGatewayOption_NotAUrl_IsAUsageError()
    {
        var run = await VigilProcess.RunAsync(_directory.Path, new Dictionary<string, string?>(), null, "exec", "--push-gateway", "gateway:9091", "--", "sh", "-c", "exit 0");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--push-gateway: 'gateway:9091' is not an http:// or https:// URL", run.Stderr, StringComparison.Ordinal);
    }

    private Task<Support.CliRun> ExecAsync(string? stdin, params string[] command)
    {
        string[] arguments = command.Contains("--") ? ["exec", "--store", StorePath, .. command] : ["exec", "--store", StorePath, "--", .. command];
        return VigilProcess.RunAsync(_directory.Path, new Dictionary<string, string?>(), stdin, arguments);
    }

    private async Task<string> GitAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", arguments) { WorkingDirectory = _directory.Path, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = System.Diagnostics.Process.Start(start)!;
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync().WaitAsync(VigilProcess.Timeout);
        Assert.Equal(0, git.ExitCode);
        return output;
    }
}
