namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>How the SMTP connection is protected; configured as <c>none</c>, <c>starttls</c> or <c>tls</c>.</summary>
internal enum EmailTlsMode
{
    /// <summary>Plain SMTP (port 25 by default); no password may be sent this way.</summary>
    None,

    /// <summary>Plain SMTP upgraded with STARTTLS before anything else is said; refused if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte, "SMTPS" (port 465).</summary>
    Tls,
}
