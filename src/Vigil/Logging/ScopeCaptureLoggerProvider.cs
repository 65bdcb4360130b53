using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Vigil.Logging;

/// <summary>
/// Exists only to be handed the logger factory's scope provider, so that scopes can be read as
/// records pass and folded into their attributes (where redaction can reach them). It is filtered
/// out of every category, so it costs nothing per log call.
/// </summary>
internal sealed class ScopeCaptureLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public IExternalScopeProvider? ScopeProvider { get; private set; }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => ScopeProvider = scopeProvider;

    public ILogger CreateLogger(string categoryName) => NullLogger.Instance;

    public void Dispose()
    {
    }
}
