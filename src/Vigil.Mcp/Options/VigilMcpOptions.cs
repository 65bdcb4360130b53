namespace Vigil.Mcp;

/// <summary>How the Vigil MCP tools behave: what they may change, and the clock relative times are read against.</summary>
public sealed class VigilMcpOptions
{
    /// <summary>
    /// Whether the write tools (acknowledge an alert, create a silence, change an error group's status) act. Off by
    /// default: an assistant reads freely, and changes only where a person turned this on (<c>--allow-writes</c>).
    /// </summary>
    public bool AllowWrites { get; set; }

    /// <summary>Names the transport in the audit record of each write (<c>stdio</c>, <c>http</c>).</summary>
    public string Transport { get; set; } = "stdio";

    /// <summary>The clock "2h" (two hours ago) and the audit's "when" are read from.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
