namespace Vigil.Instrumentation;

/// <summary>
/// The activity sources and meters that .NET 10 and ASP.NET Core 10 publish themselves, chosen by
/// <see cref="InstrumentationOptions"/>. Listening to them needs no instrumentation package: the
/// platform already emits spans and metrics with the OpenTelemetry semantic conventions.
/// </summary>
internal static class PlatformInstrumentation
{
    /// <summary>ASP.NET Core's hosting layer starts one activity per request from this source.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>HttpClient's source (since .NET 9), one activity per request sent.</summary>
    public const string HttpClientSource = "System.Net.Http";

    /// <summary>
    /// ASP.NET Core 10 leaves the OpenTelemetry attributes (<c>http.route</c>, <c>http.request.method</c>,
    /// <c>http.response.status_code</c>, ...) off its request activity unless this switch is false; ASP.NET Core 11
    /// makes false the default. See learn.microsoft.com/aspnet/core/breaking-changes/11/http-activity-otel-semconv.
    /// </summary>
    public const string AspNetCoreActivityDataSwitch = "Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData";

    private static readonly string[] s_aspNetCoreMeters = ["Microsoft.AspNetCore.*"];
    private static readonly string[] s_httpClientMeters = ["System.Net.Http", "System.Net.NameResolution"];
    private static readonly string[] s_runtimeMeters = ["System.Runtime"];

    public static IEnumerable<string> Sources(InstrumentationOptions options)
    {
        if (options.AspNetCore)
        {
            yield return AspNetCoreSource;
        }

        if (options.HttpClient)
        {
            yield return HttpClientSource;
        }
    }

    public static IEnumerable<string> Meters(InstrumentationOptions options) =>
        (options.AspNetCore ? s_aspNetCoreMeters : []).Concat(options.HttpClient ? s_httpClientMeters : []).Concat(options.Runtime ? s_runtimeMeters : []);

    /// <summary>
    /// Asks ASP.NET Core for the OpenTelemetry attributes on its request spans, unless the application has
    /// set the switch itself (in code or runtimeconfig.json): its choice wins. The host reads the switch when
    /// it builds the request pipeline, after <c>AddVigil</c> has run.
    /// </summary>
    public static void RequestAspNetCoreSpanAttributes()
    {
        if (!AppContext.TryGetSwitch(AspNetCoreActivityDataSwitch, out _))
        {
            AppContext.SetSwitch(AspNetCoreActivityDataSwitch, isEnabled: false);
        }
    }
}
