using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Model;

/// <summary>
/// One condition on one label, as silences, routes and inhibition rules use it: <c>service=shop</c>,
/// <c>severity!=info</c>, <c>service=~"shop|cart"</c>, <c>env!~test.*</c>. This is the one grammar for matchers; the
/// configuration, the API and the CLI all parse through <see cref="TryParse"/>.
/// </summary>
/// <remarks>
/// Regular expressions are anchored at both ends, as in Alertmanager, and run with
/// <see cref="RegexOptions.NonBacktracking"/>, so a hostile pattern costs linear time and never hangs the server;
/// the constructs that mode lacks (backreferences, lookarounds) are refused with a message.
/// </remarks>
public sealed record LabelMatcher
{
    /// <summary>The longest matcher text accepted, so a hostile request cannot build a huge automaton.</summary>
    public const int MaxLength = 1024;

    private readonly Regex? _regex;

    private LabelMatcher(string name, LabelMatchOperator op, string value, Regex? regex)
    {
        Name = name;
        Operator = op;
        Value = value;
        _regex = regex;
    }

    /// <summary>The label's name.</summary>
    public string Name { get; }

    /// <summary>How the value is compared.</summary>
    public LabelMatchOperator Operator { get; }

    /// <summary>The text, or the regular expression, compared with.</summary>
    public string Value { get; }

    /// <summary>Builds a matcher from its parts.</summary>
    /// <param name="name">The label's name (letters, digits, <c>_</c> and <c>.</c>, not starting with a digit).</param>
    /// <param name="op">The operator.</param>
    /// <param name="value">The text or regular expression.</param>
    /// <param name="matcher">The matcher, when the parts are valid.</param>
    /// <param name="problem">What is wrong, when they are not.</param>
    /// <returns>True when the parts make a matcher.</returns>
    public static bool TryCreate(string name, LabelMatchOperator op, string value, out LabelMatcher? matcher, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        matcher = null;
        if (!IsLabelName(name))
        {
            problem = $"'{Shorten(name)}' is not a label name: use letters, digits, '_' and '.', not starting with a digit";
            return false;
        }

        if (name.Length + value.Length > MaxLength)
        {
            problem = $"the matcher is longer than {MaxLength} characters";
            return false;
        }

        Regex? regex = null;
        if (op is LabelMatchOperator.Regex or LabelMatchOperator.NotRegex)
        {
            try
            {
                regex = new Regex("^(?:" + value + ")$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                problem = $"'{Shorten(value)}' is not a regular expression this server accepts (no backreferences or lookarounds)";
                return false;
            }
            catch (NotSupportedException)
            {
                problem = $"'{Shorten(value)}' uses a construct this server does not accept (no backreferences or lookarounds)";
                return false;
            }
        }

        matcher = new LabelMatcher(name, op, value, regex);
        problem = null;
        return true;
    }

    /// <summary>
    /// Parses <c>name=value</c>, <c>name!=value</c>, <c>name=~regex</c> or <c>name!~regex</c>. The value may be
    /// double-quoted, with <c>\"</c> and <c>\\</c> escapes; spaces around the operator are allowed.
    /// </summary>
    /// <param name="text">The matcher as typed.</param>
    /// <param name="matcher">The matcher, when the text is one.</param>
    /// <param name="problem">What is wrong, when it is not: a sentence that names what is allowed.</param>
    /// <returns>True when the text is a matcher.</returns>
    public static bool TryParse(string text, out LabelMatcher? matcher, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        matcher = null;
        if (text.Length > MaxLength)
        {
            problem = $"the matcher is longer than {MaxLength} characters";
            return false;
        }

        var at = text.IndexOfAny(['=', '!']);
        if (at <= 0 || at == text.Length - 1 && text[at] == '!')
        {
            problem = $"'{Shorten(text)}' is not a matcher: write name=value, name!=value, name=~regex or name!~regex";
            return false;
        }

        var name = text[..at].Trim();
        LabelMatchOperator op;
        int valueStart;
        if (text[at] == '!')
        {
            if (text[at + 1] == '=')
            {
                op = LabelMatchOperator.NotEqual;
            }
            else if (text[at + 1] == '~')
            {
                op = LabelMatchOperator.NotRegex;
            }
            else
            {
                problem = $"'{Shorten(text)}' is not a matcher: write name=value, name!=value, name=~regex or name!~regex";
                return false;
            }

            valueStart = at + 2;
        }
        else if (at + 1 < text.Length && text[at + 1] == '~')
        {
            op = LabelMatchOperator.Regex;
            valueStart = at + 2;
        }
        else
        {
            op = LabelMatchOperator.Equal;
            valueStart = at + 1;
        }

        var raw = text[valueStart..].Trim();
        if (!TryUnquote(raw, out var value))
        {
            problem = $"'{Shorten(text)}' has a quoted value that is not closed, or ends with a lone '\\'";
            return false;
        }

        return TryCreate(name, op, value, out matcher, out problem);
    }

    /// <summary>True when the labels satisfy this matcher; a label that is missing has the value "".</summary>
    /// <param name="labels">The alert's labels.</param>
    /// <returns>Whether they match.</returns>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var actual = labels.TryGetValue(Name, out var found) ? found : string.Empty;
        return Operator switch
        {
            LabelMatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
            LabelMatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
            LabelMatchOperator.Regex => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }

    /// <summary>True when every matcher holds (an empty list matches everything).</summary>
    /// <param name="matchers">The matchers.</param>
    /// <param name="labels">The alert's labels.</param>
    /// <returns>Whether all of them match.</returns>
    public static bool All(IEnumerable<LabelMatcher> matchers, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        return matchers.All(m => m.Matches(labels));
    }

    /// <summary>The matcher as it parses back: <c>name=~"value"</c>, the value quoted and escaped.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var op = Operator switch
        {
            LabelMatchOperator.Equal => "=",
            LabelMatchOperator.NotEqual => "!=",
            LabelMatchOperator.Regex => "=~",
            _ => "!~",
        };
        return $"{Name}{op}\"{Value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>True for a name of letters, digits, <c>_</c> and <c>.</c> that does not start with a digit.</summary>
    /// <param name="name">The candidate.</param>
    /// <returns>Whether it is a label name.</returns>
    public static bool IsLabelName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryUnquote(string raw, out string value)
    {
        if (raw.Length == 0 || raw[0] != '"')
        {
            value = raw;
            return true;
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                if (i + 1 >= raw.Length)
                {
                    break;
                }

                text.Append(raw[++i]);
            }
            else if (c == '"')
            {
                value = text.ToString();
                return i == raw.Length - 1;
            }
            else
            {
                text.Append(c);
            }
        }

        value = string.Empty;
        return false;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <inheritdoc />
    public bool Equals(LabelMatcher? other) =>
        other is not null && Name == other.Name && Operator == other.Operator && Value == other.Value;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Operator, Value);
}
