using Microsoft.Extensions.Logging;

namespace Vigil;

/// <summary>Which log records reach Vigil's sinks (configuration section <c>Logging</c>).</summary>
public sealed class LoggingOptions
{
    /// <summary>The key of <see cref="MinimumLevel"/> that applies to every category not named otherwise.</summary>
    public const string DefaultCategory = "Default";

    /// <summary>
    /// The minimum level per category prefix, the longest prefix winning, as in Microsoft.Extensions.Logging.
    /// The key <c>Default</c> applies to all other categories. Default when empty: Information.
    /// </summary>
    public IDictionary<string, LogLevel> MinimumLevel { get; } = new Dictionary<string, LogLevel>(StringComparer.OrdinalIgnoreCase);
}
