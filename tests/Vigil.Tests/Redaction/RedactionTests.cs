using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Vigil.Redaction;
using Vigil.Tests.Support;

namespace Vigil.Tests.Redaction;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("DbPassword", true)]
    [InlineData("api_key", true)]
    [InlineData("x-api-key", true)]
    [InlineData("ApiKey", true)]
    [InlineData("Authorization", true)]
    [InlineData("http.request.header.authorization", true)]
    [InlineData("ConnectionString", true)]
    [InlineData("connection_string", true)]
    [InlineData("refresh_token", true)]
    [InlineData("client.secret", true)]
    [InlineData("OrderId", false)]
    [InlineData("user.name", false)]
    [InlineData("keyboard", false)]
    public void IsSecret_DefaultKeys_MatchesSecretLookingKeysOnly(string key, bool expected)
    {
        var redactor = new Redactor(new RedactionOptions());

        Assert.Equal(expected, redactor.IsSecret(key));
    }

    [Fact]
    public void IsSecret_ConfiguredKey_IsAddedToDefaults()
    {
        var options = new RedactionOptions();
        options.Keys.Add("ssn");

        var redactor = new Redactor(options);

        Assert.True(redactor.IsSecret("customer_ssn"));
        Assert.True(redactor.IsSecret("password"));
    }

    [Fact]
    public void Log_SecretProperty_IsMaskedInAttributesAndRenderedMessage()
    {
        using var vigil = TestVigil.Start();

        vigil.Sdk.CreateLogger("Auth").LogInformation("User {User} logged in with {Password} and {ApiKey,8}", "ann", "hunter2", "k-123");
        vigil.Stop();

        var log = Assert.Single(vigil.LogExporter.Logs);
        Assert.Equal("***", log.Attributes["Password"]);
        Assert.Equal("***", log.Attributes["ApiKey"]);
        Assert.Equal("ann", log.Attributes["User"]);
        Assert.Equal("User ann logged in with *** and      ***", log.Message);
        Assert.DoesNotContain("hunter2", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_SecretInScope_IsMasked()
    {
        using var vigil = TestVigil.Start();
        var logger = vigil.Sdk.CreateLogger("Db");

        using (logger.BeginScope(new Dictionary<string, object?> { ["ConnectionString"] = "Server=x;Password=y" }))
        {
            logger.LogInformation("query");
        }

        vigil.Stop();

        Assert.Equal("***", Assert.Single(vigil.LogExporter.Logs).Attributes["ConnectionString"]);
    }

    [Fact]
    public void Log_RedactionDisabled_LeavesValues()
    {
        using var vigil = TestVigil.Start(o => o.Redaction.Enabled = false);

        vigil.Sdk.CreateLogger("Auth").LogInformation("token {Token}", "abc");
        vigil.Stop();

        Assert.Equal("abc", Assert.Single(vigil.LogExporter.Logs).Attributes["Token"]);
    }

    [Fact]
    public void Span_SecretTag_IsMaskedBeforeExport()
    {
        using var source = new ActivitySource("Tests.SpanRedaction");
        using var vigil = TestVigil.Start(o => o.Tracing.Sources.Add(source.Name));

        using (var activity = source.StartActivity("call"))
        {
            activity?.SetTag("http.request.header.authorization", "Bearer abc");
            activity?.SetTag("http.route", "/orders");
        }

        vigil.Stop();

        var span = Assert.Single(vigil.Spans, s => s.Source.Name == source.Name);
        Assert.Equal("***", span.GetTagItem("http.request.header.authorization"));
        Assert.Equal("/orders", span.GetTagItem("http.route"));
    }
}
