namespace Vigil.Grouping;

/// <summary>One exception of a chain read from stack trace text, its frames innermost (throw site) first.</summary>
internal sealed class ParsedException
{
    /// <summary>The exception type as the text names it; may be empty (Go panics).</summary>
    public string Type { get; set; } = "";

    /// <summary>The first line of the message, if the text has one.</summary>
    public string Message { get; set; } = "";

    /// <summary>The frames, throw site first.</summary>
    public List<ParsedFrame> Frames { get; } = [];
}
