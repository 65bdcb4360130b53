using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 for probes to hit: what it answers is set by the test, and it can stop and
/// start again on the same port (a target that goes down and comes back).
/// </summary>
internal sealed class HttpTarget : IAsyncDisposable
{
    private readonly X509Certificate2? _certificate;
    private WebApplication? _app;
    private int _requests;

    private HttpTarget(X509Certificate2? certificate) => _certificate = certificate;

    /// <summary>What the target answers; by default 200 with "ok".</summary>
    public Func<HttpContext, Task> Handler { get; set; } = context => context.Response.WriteAsync("ok");

    public int Port { get; private set; }

    public int Requests => _requests;

    public Uri Url => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}/health");

    public static async Task<HttpTarget> StartAsync(X509Certificate2? certificate = null)
    {
        var target = new HttpTarget(certificate);
        await target.StartAgainAsync();
        return target;
    }

    /// <summary>A self-signed certificate for 127.0.0.1 that expires in <paramref name="daysLeft"/> days.</summary>
    public static X509Certificate2 SelfSignedCertificate(double daysLeft)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(daysLeft));
        // Kestrel needs the private key in a form it can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>Starts listening: on a free port the first time, then on the same port again.</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port, listen =>
        {
            if (_certificate is not null)
            {
                listen.UseHttps(_certificate);
            }
        }));
        var app = builder.Build();
        app.Run(context =>
        {
            Interlocked.Increment(ref _requests);
            return Handler(context);
        });
        await app.StartAsync().DefaultTimeout();
        _app = app;
        if (Port == 0)
        {
            Port = new Uri(app.Urls.First()).Port;
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync().DefaultTimeout();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate?.Dispose();
    }
}
