using Microsoft.Extensions.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Pipeline;

/// <summary>The console and file sinks as Vigil configures them, end to end.</summary>
public sealed class SinkPipelineTests
{
    [Fact]
    public void FileSink_Enabled_WritesRedactedRecordsWithScopesUnderWorkingDirectory()
    {
        var vigil = TestVigil.Start(o =>
        {
            o.File.Enabled = true;
            o.File.Path = "logs/app.jsonl";
        });
        var logger = vigil.Sdk.CreateLogger("Shop.Orders");

        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = "acme" }))
        {
            logger.LogWarning("Order {OrderId} paid with token {PaymentToken}", 42, "tok_live_123");
        }

        vigil.Stop();
        var path = Path.Combine(vigil.WorkingDirectory, "logs", "app.jsonl");

        var line = Assert.Single(JsonLines.Parse(path));
        Assert.Equal("Warning", line.GetProperty("level").GetString());
        Assert.Equal("Shop.Orders", line.GetProperty("category").GetString());
        Assert.Equal("Order 42 paid with token ***", line.GetProperty("message").GetString());
        Assert.Equal("Order {OrderId} paid with token {PaymentToken}", line.GetProperty("template").GetString());
        Assert.Equal("***", line.GetProperty("attributes").GetProperty("PaymentToken").GetString());
        Assert.Equal("acme", line.GetProperty("attributes").GetProperty("TenantId").GetString());
        Assert.DoesNotContain("tok_live_123", File.ReadAllText(path), StringComparison.Ordinal);
        vigil.Dispose();
    }

    [Fact]
    public void FileSink_ProcessRestarts_AppendsToTheSameFileAndLosesNothing()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("restart.jsonl");
        for (var run = 0; run < 3; run++)
        {
            using var vigil = TestVigil.Start(o =>
            {
                o.File.Enabled = true;
                o.File.Path = path;
            });
            for (var i = 0; i < 100; i++)
            {
                vigil.Sdk.CreateLogger("Restart").LogInformation("run {Run} line {Index}", run, i);
            }
        }

        var messages = JsonLines.Parse(path).Select(l => l.GetProperty("message").GetString()).ToList();
        Assert.Equal(300, messages.Count);
        Assert.Equal("run 2 line 99", messages[^1]);
    }

    [Fact]
    public void ConsoleSink_Redirected_WritesJsonLinesOfTheFileShape()
    {
        var vigil = TestVigil.Start(o => o.Console.Enabled = true);

        vigil.Sdk.CreateLogger("Console").LogError("boom {Code}", 500);
        vigil.Stop();

        var line = JsonLines.ParseLine(vigil.Console.ToString().Trim());
        Assert.Equal("Error", line.GetProperty("level").GetString());
        Assert.Equal("boom 500", line.GetProperty("message").GetString());
        Assert.Equal(500, line.GetProperty("attributes").GetProperty("Code").GetInt32());
        vigil.Dispose();
    }

    [Fact]
    public void ConsoleSink_PrettyRequested_WritesOneReadableLinePerRecord()
    {
        var vigil = TestVigil.Start(o =>
        {
            o.Console.Enabled = true;
            o.Console.Format = ConsoleFormat.Pretty;
        });

        vigil.Sdk.CreateLogger("Console").LogInformation("hello {Name}", "world");
        vigil.Sdk.CreateLogger("Console").LogWarning("second");
        vigil.Stop();

        var lines = vigil.Console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} INF Console: hello world", lines[0]);
        Assert.Contains("WRN", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", vigil.Console.ToString(), StringComparison.Ordinal);
        vigil.Dispose();
    }
}
