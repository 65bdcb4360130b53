using System.CommandLine;
using Vigil.Cli.Options;

namespace Vigil.Cli.Commands.Serve;

/// <summary>
/// Where <c>vigil serve</c> takes its API key from: <c>--api-key KEY</c>, <c>--api-key-file PATH</c>, else
/// <c>VIGIL_API_KEY</c>, else <c>VIGIL_API_KEY_FILE</c>. A key on the command line shows in <c>ps</c> and the shell's
/// history; the variable and the file do not. A file's trailing newline is not part of the key.
/// </summary>
internal sealed class ApiKeyOption
{
    /// <summary>
    /// The environment variable that supplies the API key when no option does: the one the reading commands send
    /// their key from, so one variable serves both sides.
    /// </summary>
    public const string EnvironmentVariable = StoreOption.ApiKeyEnvironmentVariable;

    /// <summary>The environment variable that names a file holding the API key.</summary>
    public const string FileEnvironmentVariable = "VIGIL_API_KEY_FILE";

    private readonly Option<string?> _key = new("--api-key")
    {
        Description = $"Require this key on OTLP and query requests (Authorization: Bearer KEY or x-api-key: KEY). Visible to other users in ps: prefer ${EnvironmentVariable} or --api-key-file.",
        HelpName = "KEY",
    };

    private readonly Option<string?> _file = new("--api-key-file")
    {
        Description = $"Read the API key from this file (a trailing newline is ignored). Default: ${FileEnvironmentVariable}.",
        HelpName = "PATH",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_key);
        command.Options.Add(_file);
    }

    /// <summary>The key to require, or null when none is configured.</summary>
    /// <exception cref="CliUsageException">Both a key and a file were given, or the file cannot be used.</exception>
    public string? Resolve(ParseResult parseResult, CliContext context)
    {
        var key = parseResult.GetValue(_key);
        var file = parseResult.GetValue(_file);
        if (key is not null && file is not null)
        {
            throw new CliUsageException("--api-key and --api-key-file cannot be used together; give one.");
        }

        if (key is not null || file is not null)
        {
            return key ?? Read(file!, "--api-key-file");
        }

        key = context.GetEnvironmentVariable(EnvironmentVariable);
        file = context.GetEnvironmentVariable(FileEnvironmentVariable);
        if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(file))
        {
            throw new CliUsageException($"${EnvironmentVariable} and ${FileEnvironmentVariable} are both set; set one.");
        }

        return string.IsNullOrEmpty(file) ? key : Read(file, "$" + FileEnvironmentVariable);
    }

    private static string Read(string path, string source)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"{source}: the API key file '{path}' does not exist.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliUsageException($"{source}: the API key file '{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{source}: the API key file '{path}' cannot be read: {e.Message}");
        }

        // Editors and `echo KEY > file` end the file with a newline; the key is the text before it.
        var key = text.TrimEnd('\r', '\n');
        if (key.Length == 0)
        {
            throw new CliUsageException($"{source}: the API key file '{path}' is empty.");
        }

        return key;
    }
}
