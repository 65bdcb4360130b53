using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Notifications.Channels.Email;
using Vigil.Alerting.Tests.Channels.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Channels;

/// <summary>The e-mail channel against a real SMTP server on 127.0.0.1 (tests/smtp/smtp-sink.js); the received message is parsed and checked.</summary>
public sealed class EmailChannelTests
{
    private const string Secret = "s3cret-pa55";

    [Fact]
    public async Task DeliverAsync_StartTlsWithAuth_TheServerReceivesTheMessage()
    {
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: Secret);
        var options = Options(smtp, "starttls");
        var channel = new EmailChannel("mail", options, _ => null);

        await channel.DeliverAsync(Some.Notification(), CancellationToken.None);

        var (raw, envelope) = Assert.Single(smtp.Messages());
        Assert.True(envelope.GetProperty("secure").GetBoolean());
        Assert.Equal("vigil", envelope.GetProperty("user").GetString());
        Assert.Equal("vigil@example.com", envelope.GetProperty("from").GetString());
        Assert.Equal(["ops@example.com", "dev@example.com"], envelope.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("[FIRING] HighErrors for ops", message.Subject);
        Assert.Equal("vigil@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(["ops@example.com", "dev@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("{}:{alertname=\"HighErrors\"}", message.Headers["X-Vigil-Group-Key"]);
        Assert.Equal($"{Some.Notification().Key}.vigil@example.com", message.MessageId);
        Assert.Equal(Some.Now, message.Date);
        var text = message.TextBody;
        Assert.Contains("FIRING: HighErrors, 1 firing", text, StringComparison.Ordinal);
        Assert.Contains("* shop logs too many errors (firing)", text, StringComparison.Ordinal);
        Assert.Contains("value 12 (threshold 5)", text, StringComparison.Ordinal);
        Assert.Contains("PaymentDeclinedException: card declined", text, StringComparison.Ordinal);
        Assert.Contains("| 06:29:59 ERROR shop payment declined for order 1002", text, StringComparison.Ordinal);
        Assert.Contains("Acknowledge: http://127.0.0.1:4319/api/alerts/ack?token=abc.def", text, StringComparison.Ordinal);
        var html = message.HtmlBody;
        Assert.Contains("<b>value 12 (threshold 5)</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;for real&gt; &amp; rising", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<for real>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://127.0.0.1:4319/api/errors/7\">Error group</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_ImplicitTlsPasswordFromEnvironment_Delivers()
    {
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: Secret, implicitTls: true);
        var options = Options(smtp, "tls");
        options.Password = null;
        options.PasswordEnvironmentVariable = "VIGIL_TEST_SMTP_PASSWORD";
        var channel = new EmailChannel("mail", options, name => name == "VIGIL_TEST_SMTP_PASSWORD" ? Secret : null);

        await channel.DeliverAsync(Some.Notification(Some.Alert(AlertState.Resolved)), CancellationToken.None);

        var (raw, envelope) = Assert.Single(smtp.Messages());
        Assert.True(envelope.GetProperty("secure").GetBoolean());
        using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("[RESOLVED] HighErrors for ops", message.Subject);
    }

    [Fact]
    public async Task KindCreate_PasswordVariable_IsReadThroughTheChannelContext()
    {
        // The variable is set nowhere in the process: only the context's lookup knows it, so a delivery that
        // authenticates shows the kind read the password through the context, not from Environment.
        const string Variable = "VIGIL_TEST_CONTEXT_ONLY_PASSWORD";
        Assert.Null(Environment.GetEnvironmentVariable(Variable));
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: Secret);
        var email = Options(smtp, "starttls");
        email.Password = null;
        email.PasswordEnvironmentVariable = Variable;
        var options = new NotificationChannelOptions { Name = "mail", Kind = EmailChannel.KindName, Email = email };
        await using var services = new ServiceCollection().BuildServiceProvider();
        var context = new NotificationChannelContext(TimeProvider.System, NullLoggerFactory.Instance, services, name => name == Variable ? Secret : null);
        var channel = new EmailChannelKind().Create(options, context);

        await channel.DeliverAsync(Some.Notification(), CancellationToken.None);

        var (_, envelope) = Assert.Single(smtp.Messages());
        Assert.Equal("vigil", envelope.GetProperty("user").GetString());
    }

    [Fact]
    public async Task DeliverAsync_WrongPassword_NotRetryableAndThePasswordIsNotShown()
    {
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: "the-right-one");
        var channel = new EmailChannel("mail", Options(smtp, "starttls"), _ => null);

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.False(e.IsRetryable);
        Assert.Contains("authentication as 'vigil' failed", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task DeliverAsync_RecipientRefused_NotRetryableWithTheServersReply()
    {
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: Secret, rejectRecipient: "dev@example.com");
        var channel = new EmailChannel("mail", Options(smtp, "starttls"), _ => null);

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.False(e.IsRetryable);
        Assert.Contains("550", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task DeliverAsync_UntrustedCertificate_FailsTheHandshake()
    {
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: Secret);
        var options = Options(smtp, "starttls");
        options.CertificateFile = null;
        var channel = new EmailChannel("mail", options, _ => null);

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.False(e.IsRetryable);
        Assert.Contains("TLS handshake failed", e.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task DeliverAsync_MissingPasswordVariable_SaysWhichVariable()
    {
        await using var smtp = await SmtpSink.StartAsync(user: "vigil", password: Secret);
        var options = Options(smtp, "starttls");
        options.Password = null;
        options.PasswordEnvironmentVariable = "VIGIL_NOT_SET_ANYWHERE";
        var channel = new EmailChannel("mail", options, _ => null);

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.False(e.IsRetryable);
        Assert.Contains("VIGIL_NOT_SET_ANYWHERE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_NobodyListening_IsRetryable()
    {
        int port;
        await using (var smtp = await SmtpSink.StartAsync())
        {
            port = smtp.Port;
        }

        var channel = new EmailChannel("mail", new EmailChannelOptions { Host = "127.0.0.1", Port = port, Tls = "none", From = "vigil@example.com", To = { "ops@example.com" } }, _ => null);

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.True(e.IsRetryable);
        Assert.Contains($"SMTP 127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadFields_NamesEachAndNeverThePassword()
    {
        var options = new EmailChannelOptions
        {
            Host = "bad host!",
            Port = 70000,
            Tls = "ssl",
            Password = Secret,
            From = "not an address",
            To = { "ops@example.com", "x@y, z@w", new string('a', 300) + "@example.com" },
            Subject = "[{status}] {nope}",
        };

        var problems = options.Validate("Alerts:Channels:1:Email");

        string[] expected = ["Host", "Port", "Tls", "User", "From", "To:1", "To:2", "Subject"];
        foreach (var field in expected)
        {
            Assert.Contains(problems, p => p.Path == "Alerts:Channels:1:Email:" + field);
        }

        Assert.All(problems, p => Assert.DoesNotContain(Secret, p.Message, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.EndsWith(":Subject", StringComparison.Ordinal) && p.Message.Contains("{alertname}", StringComparison.Ordinal));
        Assert.Contains(new EmailChannelOptions { Host = "smtp.example.com", From = "a@b.c" }.Validate("e"), p => p.Path == "e:To");
        Assert.Contains(new EmailChannelOptions { Host = "smtp.example.com", From = "a@b.c", To = { "o@b.c" }, User = "u", Password = "p", Tls = "none" }.Validate("e"), p => p.Path == "e:Tls");
        Assert.Contains(new EmailChannelOptions { Host = "smtp.example.com", From = "a@b.c", To = { "o@b.c" }, Port = 0 }.Validate("e"), p => p.Path == "e:Port");
        Assert.Empty(new EmailChannelOptions { Host = "smtp.example.com", From = "a@b.c", To = { "o@b.c" }, User = "u", PasswordEnvironmentVariable = "P" }.Validate("e"));
    }

    [Fact]
    public void Render_HostileValues_StayOnOneLine()
    {
        var notification = Some.Notification() with { Receiver = "ops\r\nBcc: victim@example.com" };

        var subject = SubjectTemplate.Render("{status} {receiver} {{literal}}", notification);

        Assert.Equal("FIRING ops Bcc: victim@example.com {literal}", subject);
    }

    private static EmailChannelOptions Options(SmtpSink smtp, string tls) => new()
    {
        Host = "localhost",
        Port = smtp.Port,
        Tls = tls,
        User = "vigil",
        Password = Secret,
        CertificateFile = smtp.CertificateFile,
        From = "vigil@example.com",
        To = { "ops@example.com", "dev@example.com" },
        Subject = "[{status}] {alertname} for {receiver}",
    };
}
