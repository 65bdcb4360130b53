namespace Vigil.Storage.Configuration;

/// <summary>
/// How <see cref="ConfigurationShape"/> reads the values of one type through one of Vigil's grammars (durations,
/// log levels, severities) rather than the binder's own conversion.
/// </summary>
/// <param name="Expected">What a message says is allowed, read after "is not": <c>a duration: 500ms, 30s, ...</c>.</param>
/// <param name="Read">The value in the text the binder converts (<c>00:00:30</c> for <c>30s</c>), or null when the text is not allowed.</param>
public sealed record ConfigurationScalar(string Expected, Func<string, string?> Read);
