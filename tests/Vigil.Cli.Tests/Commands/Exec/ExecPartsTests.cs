using Vigil.Cli.Commands.Exec;

namespace Vigil.Cli.Tests.Commands.Exec;

public sealed class ExecPartsTests
{
    // F_SETPIPE_SZ is Linux's; vigil exec runs (and this suite runs) on Linux.
    [Fact]
    public void PipeCapacityTryWiden_ChildsRedirectedOutput_TakesTheWiderPipe()
    {
        using var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cat") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            Assert.True(PipeCapacity.TryWiden(child.StandardOutput.BaseStream));

            // Not a pipe: left alone.
            Assert.False(PipeCapacity.TryWiden(new MemoryStream()));
        }
        finally
        {
            child.StandardInput.Close();
            child.WaitForExit();
        }
    }

    [Fact]
    public void GitStateParse_PorcelainV2_ReadsBranchCommitAndDirty()
    {
        var state = GitState.Parse("# branch.oid 1234abcd\n# branch.head main\n# branch.upstream origin/main\n1 .M N... 100644 100644 100644 aa bb a.txt\n");

        Assert.Equal(new GitState("main", "1234abcd", Dirty: true), state);
    }

    [Fact]
    public void GitStateParse_DetachedCleanInitial_GivesNulls()
    {
        Assert.Equal(new GitState(null, null, Dirty: false), GitState.Parse("# branch.oid (initial)\n# branch.head (detached)\n"));
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", "github_actions")]
    [InlineData("TF_BUILD", "True", "azure_pipelines")]
    [InlineData("GITLAB_CI", "true", "gitlab")]
    [InlineData("JENKINS_URL", "http://jenkins", "jenkins")]
    [InlineData("CI", "true", "unknown")]
    public void CiEnvironmentDetect_ProviderVariable_NamesProvider(string variable, string value, string provider)
    {
        var environment = new Dictionary<string, string> { [variable] = value, ["GITHUB_RUN_ID"] = "7", ["BUILD_BUILDID"] = "8" };

        Assert.Equal(provider, CiEnvironment.Detect(environment.GetValueOrDefault)?.Provider);
    }

    [Fact]
    public void CiEnvironmentDetect_GithubActions_ReadsRunIdAndWorkflow()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_RUN_ID"] = "99", ["GITHUB_WORKFLOW"] = "ci" };

        Assert.Equal(new CiEnvironment("github_actions", "99", "ci"), CiEnvironment.Detect(environment.GetValueOrDefault));
    }

    [Fact]
    public void CiEnvironmentDetect_NoCiVariables_IsNull()
    {
        Assert.Null(CiEnvironment.Detect(_ => null));
        Assert.Null(CiEnvironment.Detect(name => name == "GITHUB_ACTIONS" ? "false" : null));
    }

    [Theory]
    [InlineData("dotnet", new[] { "build", "-c", "Release" }, "dotnet build")]
    [InlineData("/usr/bin/make", new string[0], "make")]
    [InlineData("sh", new[] { "-c", "exit 1" }, "sh")]
    [InlineData("node", new[] { "./scripts/x.js" }, "node")]
    [InlineData("env", new[] { "A=1", "make" }, "env")]
    public void DefaultName_ProgramAndFirstWord(string executable, string[] arguments, string expected)
    {
        Assert.Equal(expected, ExecCommandLine.DefaultName(executable, arguments));
    }

    [Theory]
    [InlineData("\u001b[1;31mred\u001b[0m", "red")]
    [InlineData("\u001b]0;title\u0007text", "text")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("bell\u0007", "bell")]
    [InlineData("plain", "plain")]
    public void AnsiEscapesStrip_RemovesSequencesKeepsText(string line, string expected)
    {
        Assert.Equal(expected, AnsiEscapes.Strip(line));
    }

    [Fact]
    public void AnsiEscapesStrip_HugeLineOfEscapeGarbage_StripsWithoutThrowing()
    {
        // CSI openings that never reach a final byte (each falls back to the two-character ESC [ form), and an OSC
        // that is never terminated: the shapes that made the old backtracking pattern slow enough to time out.
        var unfinishedCsi = string.Concat(Enumerable.Repeat("\u001b[1;2;3", 100_000));
        var unterminatedOsc = "\u001b]" + new string('x', 1_000_000);

        Assert.Equal(string.Concat(Enumerable.Repeat("1;2;3", 100_000)), AnsiEscapes.Strip(unfinishedCsi));
        Assert.Equal(string.Empty, AnsiEscapes.Strip(unterminatedOsc));
    }
}
