using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Grouping;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Sentry;

/// <summary>
/// Vigil → Sentry: the SDK with the Vigil.Sentry add-on reports the exceptions it captures through the official Sentry
/// SDK to a DSN; here the DSN of a real vigil serve, whose Sentry endpoint turns them into error groups.
/// </summary>
public sealed class VigilSentryReportingTests
{
    [Fact]
    public async Task AddVigilSentry_ExceptionsLoggedAsErrors_ArriveAsGroupsOfTheFingerprinter()
    {
        await using var server = await TestServer.StartAsync();
        var dsn = $"http://{server.App.SentryPublicKey}@127.0.0.1:{server.App.Port(VigilServerListener.OtlpHttp)}/7";
        InvalidOperationException first, again, other;
        ActivityTraceId traceId;
        using (var vigil = StartSdk(dsn))
        {
            var logger = vigil.CreateLogger("Shop.Checkout");
            using (var activity = new Activity("checkout").Start())
            {
                traceId = activity.TraceId;
                first = Log(logger, LogLevel.Error, ThroughCheckout);
            }

            again = Log(logger, LogLevel.Critical, ThroughCheckout);
            other = Log(logger, LogLevel.Error, ThroughRetry);

            // Below Errors:MinimumLogLevel (Error): not an error event in Vigil's store, so not reported either.
            Log(logger, LogLevel.Warning, ThroughRetry);
        }

        // Disposing flushed the Sentry client, and the server answers only once the events are stored.
        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout();
        var events = server.Store.Logs.Where(l => l.ExceptionType is not null).ToList();
        Assert.Equal(3, events.Count);

        // The second source: the one fingerprinter over each exception's own .NET text, as an OTLP exporter sends it.
        Assert.Equal(Fingerprint(first), Fingerprint(again));
        Assert.Equal(2, groups.Count);
        var checkout = Assert.Single(groups, g => g.Fingerprint == Fingerprint(first));
        var retry = Assert.Single(groups, g => g.Fingerprint == Fingerprint(other));
        Assert.Equal(2, checkout.Count);
        Assert.Equal(1, retry.Count); // the warning's exception is not among them
        Assert.Equal(typeof(InvalidOperationException).FullName, checkout.Type);
        Assert.Equal(["shop@2.0.1"], checkout.Releases);

        Assert.All(events, e =>
        {
            Assert.Equal("shop", e.Resource.ServiceName);
            Assert.Contains(new KeyValuePair<string, object?>("deployment.environment.name", "staging"), e.Resource.Attributes);
        });
        Assert.Single(events, e => e.TraceId == traceId.ToHexString());
        Assert.Single(events, e => e.SeverityNumber >= 21);
    }

    [Fact]
    public async Task AddVigilSentry_NoDsn_NothingReported_AppCarriesOn()
    {
        await using var server = await TestServer.StartAsync();
        using (var vigil = StartSdk(dsn: null))
        {
            Log(vigil.CreateLogger("Shop"), LogLevel.Error, ThroughCheckout);
        }

        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public void AddVigilSentry_DsnNobodyAnswers_AppCarriesOnAndDisposeReturns()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var vigil = StartSdk($"http://key@127.0.0.1:{port}/1");
        var exception = Log(vigil.CreateLogger("Shop"), LogLevel.Error, ThroughCheckout);

        Assert.Contains("could not be paid", exception.Message, StringComparison.Ordinal);
    }

    private static VigilSdk StartSdk(string? dsn) => VigilSdk.Start(
        o =>
        {
            o.Service.Name = "shop";
            o.Service.Version = "2.0.1";
            o.Console.Enabled = false;
            o.Store.Enabled = false;
            o.Errors.CaptureUnhandled = false;
            o.Errors.Sentry.Dsn = dsn;
            o.Errors.Sentry.Environment = "staging";
        },
        services => services.AddVigilSentry());

    private static string Fingerprint(Exception exception) =>
        ExceptionFingerprinter.Compute(new ExceptionDetails { Type = exception.GetType().FullName, Message = exception.Message, StackTrace = exception.ToString() }).Value;

    private static InvalidOperationException Log(ILogger logger, LogLevel level, Action action)
    {
        try
        {
            action();
        }
        catch (InvalidOperationException e)
        {
            logger.Log(level, e, "payment failed: {Reason}", e.Message);
            return e;
        }

        throw new InvalidOperationException("the action did not throw");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThroughCheckout() => Pay(17);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThroughRetry() => Pay(99);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Pay(int order) => throw new InvalidOperationException($"order {order} could not be paid");
}
