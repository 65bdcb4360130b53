namespace Vigil.Model.Text;

/// <summary>How reading a duration with <see cref="DurationGrammar.Parse"/> went.</summary>
public enum DurationParseResult
{
    /// <summary>The text is a duration.</summary>
    Parsed,

    /// <summary>The text is not in the grammar.</summary>
    Malformed,

    /// <summary>The text is in the grammar but adds up to more than <see cref="TimeSpan.MaxValue"/>.</summary>
    TooLong,
}
