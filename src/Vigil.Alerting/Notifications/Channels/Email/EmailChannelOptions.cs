using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>
/// E-mail over SMTP: the server, how the connection is protected, who logs in, who it is from and to, and the
/// subject. The password is read from <see cref="Password"/> or, better, from the environment variable named by
/// <see cref="PasswordEnvironmentVariable"/>; it is never printed.
/// </summary>
[Description("an e-mail channel")]
public sealed class EmailChannelOptions
{
    /// <summary>The subject when none is configured.</summary>
    public const string DefaultSubject = "[{status}] {alertname} {group}";

    /// <summary>The SMTP server's host name or address.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port; by default 25 for <c>none</c>, 587 for <c>starttls</c>, 465 for <c>tls</c>.</summary>
    public int? Port { get; set; }

    /// <summary><c>starttls</c> (the default), <c>tls</c> (implicit TLS, SMTPS) or <c>none</c>.</summary>
    public string? Tls { get; set; }

    /// <summary>The user to authenticate as; no authentication when absent.</summary>
    public string? User { get; set; }

    /// <summary>The password, written in the file; prefer <see cref="PasswordEnvironmentVariable"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The environment variable that holds the password, read when a message is sent.</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>A PEM certificate to trust besides the system's (a private CA, or a self-signed server's own).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The sender's address, such as <c>vigil@example.com</c>.</summary>
    public string? From { get; set; }

    /// <summary>The recipients' addresses, at least one.</summary>
    public IList<string> To { get; } = new List<string>();

    /// <summary>The subject, with placeholders <c>{status}</c>, <c>{alertname}</c>, <c>{group}</c>, <c>{count}</c>, <c>{receiver}</c>.</summary>
    public string? Subject { get; set; }

    internal EmailTlsMode TlsMode => EmailTlsModes.TryParse(Tls, out var mode) ? mode : EmailTlsMode.StartTls;

    internal int EffectivePort => Port ?? TlsMode switch
    {
        EmailTlsMode.None => 25,
        EmailTlsMode.Tls => 465,
        _ => 587,
    };

    /// <summary>Every problem with these options, each with its key path under <paramref name="path"/>.</summary>
    /// <param name="path">The key path of these options, such as <c>Alerts:Channels:1</c>.</param>
    /// <returns>The problems; empty when the options are usable.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ConfigurationProblem>();
        ChannelValidation.Text(problems, $"{path}:Host", Host, maxLength: 253, required: true);
        if (Host is { Length: > 0 and <= 253 } host && Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            problems.Add(new($"{path}:Host", $"{ConfigurationText.Show(host)} is not a host name or IP address"));
        }

        ChannelValidation.Port(problems, $"{path}:Port", Port);
        if (Tls is not null && !EmailTlsModes.TryParse(Tls, out _))
        {
            problems.Add(new($"{path}:Tls", $"{ConfigurationText.Show(Tls)} is not a TLS mode (none, starttls or tls)"));
        }

        ChannelValidation.Text(problems, $"{path}:User", User, maxLength: 256);

        // The password's value is never repeated in a message, not even shortened.
        if (Password is { Length: > 1024 })
        {
            problems.Add(new($"{path}:Password", "longer than 1024 characters"));
        }

        if (Password is { Length: > 0 } && PasswordEnvironmentVariable is { Length: > 0 })
        {
            problems.Add(new($"{path}:PasswordEnvironmentVariable", "give the password or the variable that holds it, not both"));
        }

        ChannelValidation.Text(problems, $"{path}:PasswordEnvironmentVariable", PasswordEnvironmentVariable, maxLength: 128);
        var hasPassword = Password is { Length: > 0 } || PasswordEnvironmentVariable is { Length: > 0 };
        if (hasPassword && string.IsNullOrEmpty(User))
        {
            problems.Add(new($"{path}:User", "required when a password is given"));
        }

        if (!string.IsNullOrEmpty(User) && TlsMode == EmailTlsMode.None && Tls is not null && EmailTlsModes.TryParse(Tls, out _))
        {
            problems.Add(new($"{path}:Tls", "is none, which would send the password in clear; use starttls or tls"));
        }

        ChannelValidation.Text(problems, $"{path}:CertificateFile", CertificateFile, maxLength: 1024);
        if (!ChannelValidation.IsMailAddress(From))
        {
            problems.Add(new($"{path}:From", From is null ? "required: an address such as vigil@example.com" : $"{ConfigurationText.Show(From)} is not an address such as vigil@example.com"));
        }

        if (To.Count == 0)
        {
            problems.Add(new($"{path}:To", "required: at least one address such as [\"ops@example.com\"]"));
        }
        else if (To.Count > 100)
        {
            problems.Add(new($"{path}:To", $"{To.Count} addresses; at most 100 (use a mailing list)"));
        }
        else
        {
            for (var i = 0; i < To.Count; i++)
            {
                if (!ChannelValidation.IsMailAddress(To[i]))
                {
                    problems.Add(new($"{path}:To:{i}", $"{ConfigurationText.Show(To[i] ?? string.Empty)} is not an address such as ops@example.com"));
                }
            }
        }

        ChannelValidation.Text(problems, $"{path}:Subject", Subject, maxLength: 256);
        if (Subject is { Length: > 0 and <= 256 } subject && SubjectTemplate.Problem(subject) is { } problem)
        {
            problems.Add(new($"{path}:Subject", problem));
        }

        return problems;
    }
}
