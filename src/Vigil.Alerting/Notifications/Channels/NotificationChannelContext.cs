using Microsoft.Extensions.Logging;

namespace Vigil.Alerting.Notifications;

/// <summary>What a channel kind's factory may use.</summary>
/// <param name="Time">The clock.</param>
/// <param name="Loggers">Where channels log.</param>
/// <param name="Services">The server's services, for what a kind needs beyond these.</param>
internal sealed record NotificationChannelContext(TimeProvider Time, ILoggerFactory Loggers, IServiceProvider Services);
