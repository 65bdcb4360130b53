namespace Vigil.Redaction;

/// <summary>
/// Masks the secrets in a command line before it is recorded, with the same notion of "secret" as attributes
/// (<see cref="Redactor"/>): the value after an option whose name looks secret (<c>--password X</c>,
/// <c>--api-key=X</c>, <c>-p:Token=X</c>), a <c>NAME=VALUE</c> argument whose name does (<c>GITHUB_TOKEN=X</c>),
/// and the user-information part of a URL (<c>https://user:pass@host</c>).
/// </summary>
internal sealed class CommandLineRedactor
{
    private readonly Redactor _redactor;

    public CommandLineRedactor(Redactor redactor) => _redactor = redactor;

    /// <summary>The arguments with each secret replaced by the redaction mark.</summary>
    public IReadOnlyList<string> Redact(IReadOnlyList<string> arguments)
    {
        var result = new string[arguments.Count];
        var nextIsSecret = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (nextIsSecret && !LooksLikeOption(argument))
            {
                result[i] = _redactor.Replacement;
                nextIsSecret = false;
                continue;
            }

            nextIsSecret = false;
            result[i] = RedactOne(argument, out nextIsSecret);
        }

        return result;
    }

    private string RedactOne(string argument, out bool nextIsSecret)
    {
        nextIsSecret = false;
        var separator = argument.IndexOfAny(['=', ':']);
        if (LooksLikeOption(argument))
        {
            if (separator < 0)
            {
                // "--password VALUE": the secret is the next argument.
                nextIsSecret = _redactor.IsSecret(argument.TrimStart('-', '/'));
                return argument;
            }

            // "--api-key=VALUE", "-p:Token=VALUE", "/p:Password=VALUE": the last NAME=VALUE wins.
            var equals = argument.LastIndexOf('=');
            if (equals > 0 && _redactor.IsSecret(NameBefore(argument, equals)))
            {
                return string.Concat(argument.AsSpan(0, equals + 1), _redactor.Replacement);
            }

            return RedactUrl(argument);
        }

        var assignment = argument.IndexOf('=', StringComparison.Ordinal);
        if (assignment > 0 && _redactor.IsSecret(argument[..assignment]))
        {
            return string.Concat(argument.AsSpan(0, assignment + 1), _redactor.Replacement);
        }

        return RedactUrl(argument);
    }

    // The option or property name in front of '=': "-p:Token" gives "Token", "--api-key" gives "api-key".
    private static string NameBefore(string argument, int equals)
    {
        var name = argument[..equals];
        var colon = name.LastIndexOf(':');
        return (colon >= 0 ? name[(colon + 1)..] : name).TrimStart('-', '/');
    }

    private string RedactUrl(string argument)
    {
        var scheme = argument.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return argument;
        }

        var start = scheme + 3;
        var end = argument.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? argument[start..] : argument[start..end];
        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return argument;
        }

        return string.Concat(argument.AsSpan(0, start), _redactor.Replacement, argument.AsSpan(start + at));
    }

    private static bool LooksLikeOption(string argument) =>
        argument.Length > 1 && (argument[0] == '-' || (argument[0] == '/' && argument.Length > 2 && argument[2] == ':'));
}
