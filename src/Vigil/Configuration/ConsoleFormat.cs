namespace Vigil;

/// <summary>How the console sink writes a record.</summary>
public enum ConsoleFormat
{
    /// <summary>Pretty on a terminal, JSON lines when standard output is redirected.</summary>
    Auto,

    /// <summary>One human-readable line per record.</summary>
    Pretty,

    /// <summary>One JSON object per line.</summary>
    Json,
}
