namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>The configuration's spellings of <see cref="EmailTlsMode"/>.</summary>
internal static class EmailTlsModes
{
    public static bool TryParse(string? text, out EmailTlsMode mode)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "STARTTLS":
                mode = EmailTlsMode.StartTls;
                return true;
            case "TLS":
                mode = EmailTlsMode.Tls;
                return true;
            case "NONE":
                mode = EmailTlsMode.None;
                return true;
            default:
                mode = EmailTlsMode.StartTls;
                return false;
        }
    }
}
