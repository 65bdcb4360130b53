using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Vigil.Instrumentation;

/// <summary>
/// Gives ASP.NET Core 10's request span what its framework leaves off: the route, the response status, the
/// error type, a name of the form <c>GET /orders/{id}</c>, and error status for a 5xx answer. ASP.NET Core 10
/// puts only the request's attributes on the span when it starts; the outcome it reports only on its
/// <c>http.server.request.duration</c> measurement, which the hosting layer records at the end of the request,
/// before it stops the span, while the span is <see cref="Activity.Current"/>. This listens to that one
/// instrument and copies its outcome onto the span, so no ASP.NET Core reference and no instrumentation package
/// are needed. Where the framework already sets an attribute (ASP.NET Core 11 sets them all), it is kept.
/// Created and disposed with the tracer provider, as its instrumentation.
/// </summary>
internal sealed class AspNetCoreRequestSpanCompleter : IDisposable
{
    private const string HostingMeter = "Microsoft.AspNetCore.Hosting";
    private const string RequestDuration = "http.server.request.duration";
    private const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly MeterListener _listener = new();

    public AspNetCoreRequestSpanCompleter()
    {
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Name == RequestDuration && instrument.Meter.Name == HostingMeter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(static (_, _, tags, _) => Complete(Activity.Current, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private static void Complete(Activity? span, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (span is null || !span.IsAllDataRequested || span.OperationName != RequestActivity || span.Source.Name != PlatformInstrumentation.AspNetCoreSource)
        {
            return;
        }

        string? method = null;
        string? route = null;
        var status = 0;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "http.request.method":
                    method = value as string;
                    break;
                case "http.route":
                    route = value as string;
                    SetIfMissing(span, key, route);
                    break;
                case "http.response.status_code":
                    status = value is int code ? code : 0;
                    SetIfMissing(span, key, value);
                    break;
                case "error.type":
                    SetIfMissing(span, key, value);
                    break;
            }
        }

        // The span name of the HTTP semantic conventions: "{method} {route}", the method alone without a route.
        // A name the application gave the span is kept.
        if (method is not null && span.DisplayName == RequestActivity)
        {
            span.DisplayName = route is null ? method : $"{method} {route}";
        }

        // A server span is an error for a 5xx answer only: a 4xx is the client's mistake.
        if (status >= 500 && span.Status == ActivityStatusCode.Unset)
        {
            span.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static void SetIfMissing(Activity span, string key, object? value)
    {
        if (value is not null && span.GetTagItem(key) is null)
        {
            span.SetTag(key, value);
        }
    }
}
