using Vigil.Mcp.Audit;
using Vigil.Mcp.Tests.Support;
using Vigil.Model;

namespace Vigil.Mcp.Tests.Tools;

/// <summary>Both transports with the write tools on.</summary>
public sealed class WritableMcpFixture : McpFixture
{
    protected override bool AllowWrites => true;
}

/// <summary>The write tools: refused while off, and when on acting through the store's own paths and audited.</summary>
public sealed class WriteToolsTests
{
    public sealed class WhenOff(ReadOnlyMcpFixture fixture) : IClassFixture<ReadOnlyMcpFixture>
    {
        [Theory]
        [InlineData(McpConnections.Stdio)]
        [InlineData(McpConnections.Http)]
        [InlineData(McpConnections.Bridge)]
        public async Task EveryWrite_Off_IsRefusedAndChangesNothing(string transport)
        {
            var client = fixture.Client(transport);
            var seed = fixture.Seed;

            var refusals = new[]
            {
                await client.FailAsync("acknowledge_alert", new() { ["id"] = seed.FiringAlertId, ["by"] = "ana" }),
                await client.FailAsync("create_silence", new() { ["matchers"] = new List<string> { "alertname=HighErrors" }, ["duration"] = "1h", ["by"] = "ana", ["comment"] = "deploy" }),
                await client.FailAsync("set_error_group_status", new() { ["id"] = seed.ErrorGroupId, ["status"] = "resolved", ["by"] = "ana" }),
            };

            Assert.All(refusals, r => Assert.Contains("write actions are off", r, StringComparison.Ordinal));
            var alert = await StoreFile.ReadAsync(fixture.StorePath, store => store.GetAlertAsync(seed.FiringAlertId));
            var silences = await StoreFile.ReadAsync(fixture.StorePath, store => store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: true));
            var group = await StoreFile.ReadAsync(fixture.StorePath, store => store.GetErrorGroupAsync(seed.ErrorGroupId, 1, 1));
            var audit = await StoreFile.ReadAsync(fixture.StorePath, store => store.QueryLogsAsync(new LogQuery { ServiceName = WriteAudit.ServiceName }));
            Assert.Null(alert!.Acknowledgement);
            Assert.Empty(silences);
            Assert.Equal(ErrorGroupStatus.Unresolved, group!.Group.Status);
            Assert.Empty(audit);
        }
    }

    public sealed class WhenOn(WritableMcpFixture fixture) : IClassFixture<WritableMcpFixture>
    {
        [Theory]
        [InlineData(McpConnections.Stdio)]
        [InlineData(McpConnections.Http)]
        [InlineData(McpConnections.Bridge)]
        public async Task EveryWrite_On_ActsThroughTheStoreAndIsAuditedWithWhoAndWhen(string transport)
        {
            var client = fixture.Client(transport);
            var seed = fixture.Seed;
            var before = DateTimeOffset.UtcNow;
            var who = $"ana-{transport}";

            // Idempotent writes on shared records: acknowledging twice, or resolving a resolved group, is allowed.
            var ack = await client.CallAsync("acknowledge_alert", new() { ["id"] = seed.FiringAlertId, ["by"] = who, ["comment"] = "on it" });
            var silence = await client.CallAsync(
                "create_silence", new() { ["matchers"] = new[] { "alertname=HighErrors", $"by={transport}" }, ["duration"] = "2h", ["by"] = who, ["comment"] = "deploy" });
            var group = await client.CallAsync("set_error_group_status", new() { ["id"] = seed.ErrorGroupId, ["status"] = "resolved", ["by"] = who });

            Assert.Equal(who, ack.GetProperty("acknowledgedBy").GetString());
            Assert.Equal("resolved", group.GetProperty("status").GetString());
            var silenceId = silence.GetProperty("id").GetInt64();
            var alert = await StoreFile.ReadAsync(fixture.StorePath, store => store.GetAlertAsync(seed.FiringAlertId));
            var silences = await StoreFile.ReadAsync(fixture.StorePath, store => store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: false));
            var stored = await StoreFile.ReadAsync(fixture.StorePath, store => store.GetErrorGroupAsync(seed.ErrorGroupId, 1, 1));
            var audit = await StoreFile.ReadAsync(
                fixture.StorePath, store => store.QueryLogsAsync(new LogQuery { ServiceName = WriteAudit.ServiceName, Attributes = [new("vigil.mcp.by", who)] }));

            Assert.Equal(who, alert!.Acknowledgement!.By);
            Assert.Equal("on it", alert.Acknowledgement.Comment);
            var created = Assert.Single(silences, s => s.Id == silenceId);
            Assert.Equal(who, created.CreatedBy);
            Assert.Equal(TimeSpan.FromHours(2), created.EndsAt - created.StartsAt);
            Assert.Equal(ErrorGroupStatus.Resolved, stored!.Group.Status);

            // One audit record per write, naming who, what, the client and the transport, timed at the write.
            Assert.Equal(
                ["acknowledge_alert", "create_silence", "set_error_group_status"],
                audit.Select(a => Attribute(a, "vigil.mcp.action")).Order(StringComparer.Ordinal));
            Assert.All(audit, a =>
            {
                Assert.Equal("vigil-tests 1.0", Attribute(a, "vigil.mcp.client"));
                // The bridge passes messages on as they are, so the server records its own transport and the assistant's name.
                Assert.Equal(transport == McpConnections.Bridge ? McpConnections.Http : transport, Attribute(a, "vigil.mcp.transport"));
                Assert.InRange(a.Timestamp, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            });
            Assert.Contains(audit, a => Attribute(a, "vigil.mcp.target") == $"silence {silenceId}");
        }

        [Theory]
        [InlineData(McpConnections.Stdio)]
        [InlineData(McpConnections.Http)]
        [InlineData(McpConnections.Bridge)]
        public async Task Write_On_BadTargetsAreToolErrorsAndNotAudited(string transport)
        {
            var client = fixture.Client(transport);
            var who = $"bob-{transport}";

            Assert.Contains("cannot be acknowledged", await client.FailAsync("acknowledge_alert", new() { ["id"] = fixture.Seed.ResolvedAlertId, ["by"] = who }), StringComparison.Ordinal);
            Assert.Contains("no alert 424242", await client.FailAsync("acknowledge_alert", new() { ["id"] = 424242, ["by"] = who }), StringComparison.Ordinal);
            Assert.Contains("by: required", await client.FailAsync("acknowledge_alert", new() { ["id"] = fixture.Seed.FiringAlertId, ["by"] = "" }), StringComparison.Ordinal);
            Assert.Contains("a silence of everything is not allowed", await client.FailAsync("create_silence", new() { ["matchers"] = Array.Empty<string>(), ["duration"] = "1h", ["by"] = who, ["comment"] = "x" }), StringComparison.Ordinal);
            Assert.Contains("longer than the most allowed", await client.FailAsync("create_silence", new() { ["matchers"] = new List<string> { "a=b" }, ["duration"] = "30d", ["by"] = who, ["comment"] = "x" }), StringComparison.Ordinal);
            Assert.Contains("matchers: '=~('", await client.FailAsync("create_silence", new() { ["matchers"] = new List<string> { "=~(" }, ["duration"] = "1h", ["by"] = who, ["comment"] = "x" }), StringComparison.Ordinal);
            Assert.Contains("status: 'deleted' is not one of", await client.FailAsync("set_error_group_status", new() { ["id"] = fixture.Seed.ErrorGroupId, ["status"] = "deleted", ["by"] = who }), StringComparison.Ordinal);

            var audit = await StoreFile.ReadAsync(fixture.StorePath, store => store.QueryLogsAsync(new LogQuery { ServiceName = WriteAudit.ServiceName, Attributes = [new("vigil.mcp.by", who)] }));
            Assert.Empty(audit);
        }

        private static string? Attribute(LogEntry entry, string key) => entry.Attributes.Single(a => a.Key == key).Value as string;
    }
}
