using System.Runtime.CompilerServices;
using Vigil.Grouping;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Sentry;

/// <summary>The official Sentry .NET SDK, pointed at a real server by the DSN it prints, as an application would be.</summary>
[Collection(SentrySdkIsGlobal.Name)]
public sealed class SentrySdkIngestTests
{
    [Fact]
    public async Task CaptureException_TwoCallPaths_GroupedAsTheFingerprinterGroupsTheirOtlpText()
    {
        await using var server = await TestServer.StartAsync();
        InvalidOperationException first, again, other;
        string traceId;
        using (InitSdk(server))
        {
            SentrySdk.ConfigureScope(scope =>
            {
                scope.User = new SentryUser { Id = "u-1", Email = "ann@example.com" };
                scope.SetTag("tenant", "acme");
            });
            SentrySdk.AddBreadcrumb("cart loaded", "cart", level: BreadcrumbLevel.Info);
            traceId = SentrySdk.GetTraceHeader()!.TraceId.ToString();
            first = Capture(ThroughCheckout);
            again = Capture(ThroughCheckout);
            other = Capture(ThroughRetry);
            await SentrySdk.FlushAsync(TaskTimeouts.Default).DefaultTimeout();
        }

        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout();
        var events = server.Store.Logs.Where(l => l.ExceptionType is not null).ToList();
        Assert.True(
            groups.Any(g => g.Fingerprint == Fingerprint(first)),
            $"the Sentry event's text:\n{events.FirstOrDefault()?.ExceptionStackTrace}\nthe exception's own:\n{first}");

        // The second source: what the one fingerprinter makes of each exception's own .NET text, as OTLP sends it.
        var checkout = Assert.Single(groups, g => g.Fingerprint == Fingerprint(first));
        var retry = Assert.Single(groups, g => g.Fingerprint == Fingerprint(other));
        Assert.Equal(Fingerprint(first), Fingerprint(again));
        Assert.Equal(2, groups.Count);
        Assert.Equal(2, checkout.Count);
        Assert.Equal(1, retry.Count);
        Assert.Equal(FingerprintMethod.StackTrace, checkout.Method);
        Assert.Equal(typeof(InvalidOperationException).FullName, checkout.Type);
        Assert.Equal(["shop@2.0.1"], checkout.Releases);

        Assert.Equal(3, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(traceId, e.TraceId);
            Assert.Equal("shop", e.Resource.ServiceName);
            Assert.Contains(new KeyValuePair<string, object?>("deployment.environment.name", "staging"), e.Resource.Attributes);
            Assert.Contains(new KeyValuePair<string, object?>("service.version", "shop@2.0.1"), e.Resource.Attributes);
            Assert.Contains(new KeyValuePair<string, object?>("user.id", "u-1"), e.Attributes);
            Assert.Contains(new KeyValuePair<string, object?>("sentry.tag.tenant", "acme"), e.Attributes);
        });

        // Each event carries the scope's breadcrumbs, stored as records tied to it by the event id.
        var firstId = (string)events[0].Attributes.Single(a => a.Key == "sentry.event_id").Value!;
        var crumb = Assert.Single(server.Store.Logs, l => l.EventName == "sentry.breadcrumb" && l.Attributes.Contains(new("sentry.event_id", firstId)) && l.Body == "cart loaded");
        Assert.Equal(traceId, crumb.TraceId);
        Assert.Contains(new KeyValuePair<string, object?>("sentry.breadcrumb.category", "cart"), crumb.Attributes);
    }

    // StackTraceMode.Original: the SDK's default (Enhanced) names a frame "Type.Method" without its namespace, which
    // groups Sentry events among themselves but not with the OTLP text of the same exception (docs/dialects.md).
    internal static IDisposable InitSdk(TestServer server, string release = "shop@2.0.1") => SentrySdk.Init(options =>
    {
        options.StackTraceMode = StackTraceMode.Original;
        options.Dsn = $"http://{server.App.SentryPublicKey}@127.0.0.1:{server.App.Port(VigilServerListener.OtlpHttp)}/42";
        options.Release = release;
        options.Environment = "staging";
        options.AutoSessionTracking = false;
        options.IsGlobalModeEnabled = true;
    });

    private static string Fingerprint(Exception exception) =>
        ExceptionFingerprinter.Compute(new ExceptionDetails { Type = exception.GetType().FullName, Message = exception.Message, StackTrace = exception.ToString() }).Value;

    private static InvalidOperationException Capture(Action action)
    {
        try
        {
            action();
        }
        catch (InvalidOperationException e)
        {
            SentrySdk.CaptureException(e);
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
