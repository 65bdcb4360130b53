namespace Vigil.Model;

/// <summary>How a <see cref="LabelMatcher"/> compares, with Alertmanager's four operators.</summary>
public enum LabelMatchOperator
{
    /// <summary><c>=</c>: the label's value is exactly the text (a missing label has the value "").</summary>
    Equal,

    /// <summary><c>!=</c>: the label's value is not the text.</summary>
    NotEqual,

    /// <summary><c>=~</c>: the whole value matches the regular expression.</summary>
    Regex,

    /// <summary><c>!~</c>: the whole value does not match the regular expression.</summary>
    NotRegex,
}
