using System.ComponentModel;

namespace Vigil.Alerting.Configuration;

/// <summary>
/// The server configuration's <c>Alerts</c> section, as the binder reads it (see docs/alerts.md). It is split by
/// concern into partial files: the rules (<c>AlertingSection.Rules.cs</c>), the SLOs (<c>AlertingSection.Slos.cs</c>)
/// and the notifications (<c>AlertingSection.Notifications.cs</c>).
/// </summary>
[Description("the alerting configuration")]
public sealed partial class AlertingSection;
