using Microsoft.Extensions.Logging;

namespace Vigil.Alerting.Notifications;

/// <summary>What a channel kind's factory may use.</summary>
/// <param name="Time">The clock.</param>
/// <param name="Loggers">Where channels log.</param>
/// <param name="Services">The server's services, for what a kind needs beyond these.</param>
/// <param name="EnvironmentVariables">
/// Reads an environment variable (the e-mail password's <c>PasswordEnvironmentVariable</c>): the process' own in the
/// server and the CLI, a dictionary in tests, so no test has to change the process environment that others share.
/// </param>
internal sealed record NotificationChannelContext(TimeProvider Time, ILoggerFactory Loggers, IServiceProvider Services, Func<string, string?> EnvironmentVariables);
