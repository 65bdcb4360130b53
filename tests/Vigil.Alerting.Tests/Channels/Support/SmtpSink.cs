using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Vigil.Alerting.Tests.Channels.Support;

/// <summary>
/// The real SMTP server of tests/smtp/smtp-sink.js (the npm package smtp-server, installed by scripts/prerequisites.sh)
/// on 127.0.0.1 with a fresh self-signed certificate for localhost and 127.0.0.1; it writes what it receives to a folder.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _folder;

    private SmtpSink(Process process, TempDirectory folder, int port, string certificateFile)
    {
        _process = process;
        _folder = folder;
        Port = port;
        CertificateFile = certificateFile;
    }

    public int Port { get; }

    /// <summary>The server's certificate as PEM: what the channel's CertificateFile trusts.</summary>
    public string CertificateFile { get; }

    public static async Task<SmtpSink> StartAsync(string? user = null, string? password = null, bool implicitTls = false, string? rejectRecipient = null)
    {
        var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Combine("mail"));
        var (keyFile, certificateFile) = WriteCertificate(folder);
        var script = Path.Combine(SmtpFolder(), "smtp-sink.js");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--dir", folder.Combine("mail"), "--key", keyFile, "--cert", certificateFile })
        {
            start.ArgumentList.Add(arg);
        }

        if (user is not null)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--pass");
            start.ArgumentList.Add(password ?? string.Empty);
        }

        if (implicitTls)
        {
            start.ArgumentList.Add("--secure");
        }

        if (rejectRecipient is not null)
        {
            start.ArgumentList.Add("--reject");
            start.ArgumentList.Add(rejectRecipient);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"smtp-sink.js did not start (run scripts/prerequisites.sh to install tests/smtp): {line} {error}");
        }

        return new SmtpSink(process, folder, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture), certificateFile);
    }

    /// <summary>The messages received so far: the raw message and the envelope.</summary>
    public IReadOnlyList<(string Raw, JsonElement Envelope)> Messages()
    {
        var mail = _folder.Combine("mail");
        return [.. Directory.GetFiles(mail, "*.json").Order(StringComparer.Ordinal)
            .Select(json => (File.ReadAllText(Path.ChangeExtension(json, ".eml")), JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone()))];
    }

    public async ValueTask DisposeAsync()
    {
        // Closing its standard input ends it; kill in case it hangs.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _folder.Dispose();
    }

    private static string SmtpFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "smtp");
            if (File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/smtp not found above " + AppContext.BaseDirectory);
    }

    private static (string Key, string Certificate) WriteCertificate(TempDirectory folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var keyFile = folder.Combine("key.pem");
        var certificateFile = folder.Combine("cert.pem");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        return (keyFile, certificateFile);
    }
}
