namespace Vigil.Cli.Parsing;

/// <summary>The levels a user names on the command line, in increasing severity.</summary>
internal enum CliLogLevel
{
    /// <summary>Not a level: the parse failed.</summary>
    None = 0,

    /// <summary>Trace (OpenTelemetry severity 1-4).</summary>
    Trace = 1,

    /// <summary>Debug (severity 5-8).</summary>
    Debug = 5,

    /// <summary>Information (severity 9-12).</summary>
    Information = 9,

    /// <summary>Warning (severity 13-16).</summary>
    Warning = 13,

    /// <summary>Error (severity 17-20).</summary>
    Error = 17,

    /// <summary>Fatal / critical (severity 21-24).</summary>
    Fatal = 21,
}
