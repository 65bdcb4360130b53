using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>
/// Sends a notification as one e-mail over SMTP with MailKit: connect (STARTTLS, implicit TLS or plain), log in when a
/// user is configured, send, quit. One connection per notification: alerts are rare, and a connection kept open
/// would be one more thing to go stale between them.
/// </summary>
internal sealed class EmailChannel : INotificationChannel
{
    /// <summary>The kind's name in configuration.</summary>
    public const string KindName = "email";

    private readonly EmailChannelOptions _options;
    private readonly Func<string, string?> _environment;
    private readonly X509Certificate2? _trusted;

    public EmailChannel(string name, EmailChannelOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _environment = environment;
        _trusted = options.CertificateFile is { Length: > 0 } file ? X509CertificateLoader.LoadCertificateFromFile(file) : null;
    }

    public string Name { get; }

    public string Kind => KindName;

    private string Target => $"SMTP {_options.Host}:{_options.EffectivePort}";

    public async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var message = EmailMessage.Build(notification, _options);
        using var smtp = new SmtpClient();
        if (_trusted is not null)
        {
            smtp.ServerCertificateValidationCallback = Validate;
        }

        try
        {
            var security = _options.TlsMode switch
            {
                EmailTlsMode.None => SecureSocketOptions.None,
                EmailTlsMode.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(_options.Host!, _options.EffectivePort, security, cancellationToken).ConfigureAwait(false);
            if (_options.User is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, Password(), cancellationToken).ConfigureAwait(false);
            }

            await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await smtp.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            // 4yz is "try again later" (greylisting, a full queue); 5yz is final (unknown recipient, refused sender).
            var code = (int)e.StatusCode;
            throw new NotificationDeliveryException($"{Target}: refused with {code} {ChannelHttp.OneLine(e.Message)}", retryable: code < 500, innerException: e);
        }
        catch (AuthenticationException e)
        {
            throw new NotificationDeliveryException($"{Target}: authentication as '{_options.User}' failed ({ChannelHttp.OneLine(e.Message)})", retryable: false, innerException: e);
        }
        catch (SslHandshakeException e)
        {
            throw new NotificationDeliveryException($"{Target}: the TLS handshake failed (is the certificate trusted, is Tls right?)", retryable: false, innerException: e);
        }
        catch (NotSupportedException e)
        {
            // MailKit's word for "the server does not offer STARTTLS" or the authentication asked for.
            throw new NotificationDeliveryException($"{Target}: {ChannelHttp.OneLine(e.Message)}", retryable: false, innerException: e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            throw new NotificationDeliveryException($"{Target}: {ChannelHttp.OneLine(e.Message)}", retryable: true, innerException: e);
        }
    }

    private string Password()
    {
        if (_options.PasswordEnvironmentVariable is { Length: > 0 } variable)
        {
            return _environment(variable) is { Length: > 0 } value
                ? value
                : throw new NotificationDeliveryException($"{Target}: the environment variable {variable} that should hold the password is not set", retryable: false);
        }

        return _options.Password ?? string.Empty;
    }

    // The system's trust, or the configured certificate as a root of trust (a private CA or the server's own).
    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.Add(_trusted!);
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
