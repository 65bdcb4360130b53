using Vigil.Redaction;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// The command <c>vigil exec</c> runs, as it is recorded: the arguments with secrets masked (the SDK's redaction) and
/// a task name for budgets and history, <c>--name</c> or the executable and its first word (<c>dotnet build</c>).
/// </summary>
internal sealed record ExecCommandLine(string Executable, IReadOnlyList<string> Arguments, IReadOnlyList<string> RedactedArguments, string Name)
{
    /// <summary>Builds it from the words after <c>--</c>.</summary>
    public static ExecCommandLine Create(IReadOnlyList<string> words, string? name, CommandLineRedactor redactor)
    {
        var executable = words[0];
        var arguments = words.Skip(1).ToArray();
        var redacted = redactor.Redact(arguments);
        return new ExecCommandLine(executable, arguments, redacted, name ?? DefaultName(executable, redacted));
    }

    /// <summary>The executable's file name, and the first argument when it is a word, not an option or a path.</summary>
    internal static string DefaultName(string executable, IReadOnlyList<string> redactedArguments)
    {
        var program = Path.GetFileName(executable);
        if (redactedArguments.Count > 0)
        {
            var first = redactedArguments[0];
            if (first.Length > 0 && char.IsLetterOrDigit(first[0]) && !first.Contains('/', StringComparison.Ordinal) && !first.Contains('=', StringComparison.Ordinal))
            {
                return $"{program} {first}";
            }
        }

        return program;
    }

    /// <summary>The redacted command line as one string, each word quoted where a shell would need it.</summary>
    public string RedactedText => string.Join(' ', new[] { Executable }.Concat(RedactedArguments).Select(Invocation.ShellWord.Quote));
}
