using Vigil.Storage.Configuration;

namespace Vigil.Server.Configuration;

/// <summary>The server's configuration file is missing or wrong; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ServerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ServerConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ServerConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception for a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Every problem, each with its key path.</param>
    public ServerConfigurationException(string path, IReadOnlyList<ConfigurationProblem> problems)
        : this(path, problems, [.. problems.Select(p => p.ToString())])
    {
    }

    private ServerConfigurationException(string path, IReadOnlyList<ConfigurationProblem> problems, IReadOnlyList<string> lines)
        : base(Format(path, lines))
    {
        FilePath = path;
        Details = problems;
        Problems = lines;
    }

    /// <summary>The file, when known.</summary>
    public string? FilePath { get; }

    /// <summary>Every problem, each naming its key path (<c>Probes:1:Url: ...</c>).</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    /// <summary>Every problem: its key path (empty for the whole file) and what is wrong there.</summary>
    public IReadOnlyList<ConfigurationProblem> Details { get; } = [];

    private static string Format(string path, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{path}: {problems[0]}"
            : $"{path}: {problems.Count} problems:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}";
}
