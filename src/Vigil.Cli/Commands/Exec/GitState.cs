using System.Diagnostics;

namespace Vigil.Cli.Commands.Exec;

/// <summary>The branch, commit and dirty flag of the repository a command ran in, from one <c>git status</c>.</summary>
internal sealed record GitState(string? Branch, string? Commit, bool Dirty)
{
    // Long enough for a slow disk, short enough that a hung git never holds the exit code back for long.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads the state of the repository <paramref name="directory"/> is in, or <see langword="null"/> outside one,
    /// without git installed, or when git does not answer in time.
    /// </summary>
    public static async Task<GitState?> ReadAsync(string directory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git", ["status", "--porcelain=v2", "--branch", "--untracked-files=no"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        ChildEnvironment.CopyTo(start, environment);

        // No prompt for credentials, no pager, no locale-dependent output.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            git.StandardInput.Close();
            var errors = git.StandardError.ReadToEndAsync(cancellationToken);
            var output = await git.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_timeout);
            try
            {
                await git.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            _ = await errors.ConfigureAwait(false);
            return git.ExitCode == 0 ? Parse(output) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed.
            return null;
        }
    }

    /// <summary>Reads <c>git status --porcelain=v2 --branch</c> output.</summary>
    internal static GitState Parse(string output)
    {
        string? branch = null;
        string? commit = null;
        var dirty = false;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# branch.oid ", StringComparison.Ordinal))
            {
                var oid = line["# branch.oid ".Length..];
                commit = oid == "(initial)" ? null : oid;
            }
            else if (line.StartsWith("# branch.head ", StringComparison.Ordinal))
            {
                var head = line["# branch.head ".Length..];
                branch = head == "(detached)" ? null : head;
            }
            else if (!line.StartsWith('#'))
            {
                dirty = true;
            }
        }

        return new GitState(branch, commit, dirty);
    }
}
