using System.Text.Json;
using Vigil.Server.Probes;

namespace Vigil.Server.Configuration;

/// <summary>
/// Finds and reads the server's configuration file (JSON; see docs/server.md). Everything is checked before the
/// server starts, and every problem is reported at once, each with its key path.
/// </summary>
public static partial class ServerConfigurationLoader
{
    /// <summary>The file read from the working directory when no other is named.</summary>
    public const string DefaultFileName = "vigil.server.json";

    /// <summary>The environment variable naming the file when <c>--config</c> is absent.</summary>
    public const string EnvironmentVariable = "VIGIL_SERVER_CONFIG";

    // A configuration file is small; a bigger one is a mistake (or not a configuration file).
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    /// <summary>
    /// The file to read: <paramref name="path"/> when given, else the one the environment variable names, else
    /// <see cref="DefaultFileName"/> in <paramref name="directory"/> when it exists; null when there is none.
    /// </summary>
    /// <param name="path">The <c>--config</c> value.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="directory">The working directory.</param>
    /// <returns>The absolute path, or null.</returns>
    public static string? Locate(string? path, Func<string, string?> environment, string directory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = environment(EnvironmentVariable);
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            return Path.GetFullPath(path, directory);
        }

        var local = Path.Combine(directory, DefaultFileName);
        return File.Exists(local) ? local : null;
    }

    /// <summary>Reads and checks a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ServerConfigurationException">The file is missing, unreadable or wrong; lists every problem.</exception>
    public static ServerConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new ServerConfigurationException(path, [$"the file is larger than {MaxFileBytes / 1024} KiB; is it the configuration?"]);
            }

            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ServerConfigurationException(path, ["the configuration file does not exist"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigurationException(path, [$"the configuration file cannot be read: {e.Message}"]);
        }

        return Parse(json, path);
    }

    /// <summary>Reads and checks configuration text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ServerConfigurationException">The text is wrong; lists every problem.</exception>
    public static ServerConfiguration Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_jsonOptions);
        }
        catch (JsonException e)
        {
            throw new ServerConfigurationException(source, [$"malformed JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"]);
        }

        using (document)
        {
            var reader = new ConfigReader();
            var (probes, errorTracking, queryTimeout, maxClockSkew) = Read(document.RootElement, reader);
            var problems = reader.Problems.Concat(ProbeValidation.Validate(probes, skip: reader.BadPaths)).Select(p => p.ToString()).ToList();
            if (problems.Count > 0)
            {
                throw new ServerConfigurationException(source, problems);
            }

            return new ServerConfiguration { Source = source, Probes = [.. probes.OfType<ProbeDefinition>()], ErrorTracking = errorTracking, QueryTimeout = queryTimeout, MaxClockSkew = maxClockSkew };
        }
    }
}
