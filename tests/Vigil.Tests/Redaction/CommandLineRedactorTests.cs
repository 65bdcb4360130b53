using Vigil.Redaction;

namespace Vigil.Tests.Redaction;

public sealed class CommandLineRedactorTests
{
    private static readonly CommandLineRedactor s_redactor = new(new Redactor(new RedactionOptions()));

    [Theory]
    [InlineData(new[] { "--password", "hunter2", "build" }, new[] { "--password", "***", "build" })]
    [InlineData(new[] { "--api-key=abc", "--verbose" }, new[] { "--api-key=***", "--verbose" })]
    [InlineData(new[] { "-p:Token=abc", "/p:Password=x" }, new[] { "-p:Token=***", "/p:Password=***" })]
    [InlineData(new[] { "GITHUB_TOKEN=ghp_1", "make" }, new[] { "GITHUB_TOKEN=***", "make" })]
    [InlineData(new[] { "clone", "https://user:pw@host/r.git" }, new[] { "clone", "https://***@host/r.git" })]
    [InlineData(new[] { "--token", "--next" }, new[] { "--token", "--next" })]
    [InlineData(new[] { "--password" }, new[] { "--password" })]
    [InlineData(new[] { "build", "-c", "Release", "/usr/src:x" }, new[] { "build", "-c", "Release", "/usr/src:x" })]
    [InlineData(new[] { "https://host/path?a=b" }, new[] { "https://host/path?a=b" })]
    public void Redact_Arguments_MasksSecretsOnly(string[] arguments, string[] expected)
    {
        Assert.Equal(expected, s_redactor.Redact(arguments));
    }

    [Fact]
    public void Redact_ConfiguredKey_IsMaskedToo()
    {
        var options = new RedactionOptions { Replacement = "[x]" };
        options.Keys.Add("ssn");

        Assert.Equal(["--ssn", "[x]"], new CommandLineRedactor(new Redactor(options)).Redact(["--ssn", "123"]));
    }
}
