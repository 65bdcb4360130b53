using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Api.Contracts;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Remote;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Server;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Remote;

/// <summary>
/// Fails when the server, the CLI client or the contract drift apart: the query-parameter names the CLI really sends
/// (recorded on a loopback server) are exactly the contract's, the server accepts exactly the contract's, and the
/// contract's enums have the model's values and the spellings the API has always written.
/// </summary>
public sealed class ApiContractDriftTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly TempStore _file = new();
    private readonly ConcurrentQueue<(string Path, string[] Keys)> _requests = new();
    private WebApplication? _app;
    private ITelemetryStore? _store;
    private HttpClient? _client;
    private HttpTelemetryStore? _remote;

    public static TheoryData<Type> EndpointParameterClasses => [.. typeof(ApiQueryParameters).GetNestedTypes()];

    public async Task InitializeAsync()
    {
        await _file.CreateAsync();
        _store = SqliteTelemetryStore.Open(_file.Path, TelemetryStoreOptions.Writer with { CreateIfMissing = false });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddVigilStore(_store);
        var app = builder.Build();

        // Records what really arrives, before the API reads it.
        app.Use((context, next) =>
        {
            _requests.Enqueue((context.Request.Path.Value!, [.. context.Request.Query.Keys]));
            return next(context);
        });
        app.MapVigilQueryApi();
        await app.StartAsync().WaitAsync(s_timeout);
        _app = app;
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";
        _client = new HttpClient { BaseAddress = new Uri(url) };
        _remote = new HttpTelemetryStore(new Uri(url), apiKey: null);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_remote is not null)
        {
            await _remote.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(s_timeout);
            await _app.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    public void Dispose() => _file.Dispose();

    [Theory]
    [MemberData(nameof(EndpointParameterClasses))]
    public void Constants_EachEndpoint_AreExactlyItsAllList(Type endpoint)
    {
        // Arrange
        var constants = endpoint.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        var all = (IReadOnlyList<string>)endpoint.GetProperty("All")!.GetValue(null)!;

        // Assert: a constant left out of All would be refused by the server; one in All but not a constant cannot be sent.
        Assert.NotEmpty(constants);
        Assert.Equal(constants.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task CliRequests_EveryFilterSet_SendExactlyTheContractParameters()
    {
        // Act: every filter of every reading call, so every parameter the client knows is sent.
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        await _remote!.QueryLogsAsync(new LogQuery
        {
            ServiceName = "orders", MinimumSeverity = 9, From = since, To = since.AddMinutes(30), Text = "declined",
            TraceId = Some.TraceId, Attributes = [new("tenant", "acme")], Limit = 10, AfterSequence = 5,
        });

        // The two cursors cannot go in one request (the store refuses both), so paging back is a second one.
        await _remote.QueryLogsAsync(new LogQuery { Limit = 10, BeforeSequence = 500 });
        await _remote.QueryTracesAsync(new TraceQuery { ServiceName = "orders", RootName = "POST /orders", From = since, To = since.AddMinutes(30), MinDuration = TimeSpan.FromMilliseconds(250), ErrorsOnly = true, Limit = 10 });
        await _remote.FindTraceIdsAsync("4bf9", 10);
        await _remote.QueryMetricAsync(new MetricQuery { Name = "http.requests", From = since, To = since.AddMinutes(30), Step = TimeSpan.FromMinutes(1), ServiceName = "orders", Attributes = [new("route", "/")], GroupBy = ["route"] });
        await _remote.ReadLatestPointsAsync(new LatestPointsQuery { NamePattern = "http.*", Limit = 10 });
        await _remote.QueryErrorGroupsAsync(new ErrorGroupQuery { ServiceName = "orders", From = since, To = since.AddMinutes(30), Status = ErrorGroupStatus.Resolved, MinimumSeverity = ErrorSeverity.High, Limit = 10 });
        await _remote.GetErrorGroupAsync(12, 24, 10);
        await _remote.QueryHealthAsync(new HealthQuery { ServiceName = "orders", Kind = HealthSourceKind.Probe, StaleAfter = TimeSpan.FromMinutes(5) });
        await _remote.QueryHealthHistoryAsync(new HealthHistoryQuery { ServiceName = "orders", Kind = HealthSourceKind.Probe, Name = "home", From = since, To = since.AddMinutes(30), PerCheck = 10 });
        Assert.True(LabelMatcher.TryParse("service=~\"shop|cart\"", out var matcher, out _));
        await _remote.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing, AlertState.Resolved], RuleName = "HighErrors", Matchers = [matcher!], Limit = 10 });
        var history = new AlertHistoryQuery { AlertId = 3, RuleName = "HighErrors", Matchers = [matcher!], Since = since, Until = since.AddMinutes(30), Limit = 10 };
        await _remote.QueryAlertHistoryAsync(history);
        await _remote.QueryNotificationsAsync(history);
        await _remote.QuerySilencesAsync(since, includeExpired: true);

        // This host has no store file's status (no sampler, as a server on PostgreSQL): the call is refused, its parameters (none) still checked.
        await Assert.ThrowsAsync<NotSupportedException>(() => _remote.GetStatusAsync());

        // Assert: each call succeeded (the server refuses any name it does not take), and what it sent is the contract's list.
        AssertSent("/api/logs", ApiQueryParameters.Logs.All, requests: 2);
        AssertSent("/api/traces", ApiQueryParameters.Traces.All);
        AssertSent("/api/trace-ids", ApiQueryParameters.TraceIds.All);
        AssertSent("/api/metrics/http.requests", ApiQueryParameters.Metric.All);
        AssertSent("/api/metric-points", ApiQueryParameters.MetricPoints.All);
        AssertSent("/api/errors", ApiQueryParameters.Errors.All);
        AssertSent("/api/errors/12", ApiQueryParameters.ErrorDetail.All);
        AssertSent("/api/health", ApiQueryParameters.Health.All);
        AssertSent("/api/health/history", ApiQueryParameters.HealthHistory.All);
        AssertSent("/api/alerts", ApiQueryParameters.Alerts.All);
        AssertSent("/api/alerts/history", ApiQueryParameters.AlertHistory.All);
        AssertSent("/api/alerts/notifications", ApiQueryParameters.AlertHistory.All);
        AssertSent("/api/silences", ApiQueryParameters.Silences.All);
        AssertSent("/api/status", []);
    }

    [Theory]
    [InlineData("api/logs", nameof(ApiQueryParameters.Logs))]
    [InlineData("api/traces", nameof(ApiQueryParameters.Traces))]
    [InlineData("api/trace-ids", nameof(ApiQueryParameters.TraceIds))]
    [InlineData("api/builds", nameof(ApiQueryParameters.Builds))]
    [InlineData("api/metrics/http.requests", nameof(ApiQueryParameters.Metric))]
    [InlineData("api/metric-points", nameof(ApiQueryParameters.MetricPoints))]
    [InlineData("api/metric-exemplars", nameof(ApiQueryParameters.MetricExemplars))]
    [InlineData("api/errors", nameof(ApiQueryParameters.Errors))]
    [InlineData("api/errors/12", nameof(ApiQueryParameters.ErrorDetail))]
    [InlineData("api/health", nameof(ApiQueryParameters.Health))]
    [InlineData("api/health/history", nameof(ApiQueryParameters.HealthHistory))]
    [InlineData("api/alerts", nameof(ApiQueryParameters.Alerts))]
    [InlineData("api/alerts/history", nameof(ApiQueryParameters.AlertHistory))]
    [InlineData("api/alerts/notifications", nameof(ApiQueryParameters.AlertHistory))]
    [InlineData("api/silences", nameof(ApiQueryParameters.Silences))]
    public async Task Server_UnknownParameter_NamesExactlyTheContractParameters(string path, string endpoint)
    {
        // Arrange
        var all = (IReadOnlyList<string>)typeof(ApiQueryParameters).GetNestedType(endpoint)!.GetProperty("All")!.GetValue(null)!;

        // Act
        using var response = await _client!.GetAsync(new Uri(path + "?notAContractName=1", UriKind.Relative)).WaitAsync(s_timeout);
        var problem = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), ApiJson.TypeInfo<ApiProblem>())!;

        // Assert: the server's list of what it reads is the contract's, in the contract's order, and it says its version.
        Assert.Equal(StatusCodes.Status400BadRequest, (int)response.StatusCode);
        Assert.Equal($"notAContractName: not a parameter here (use: {string.Join(", ", all)})", problem.Detail);
        Assert.Equal(ApiVersion.Current, Assert.Single(response.Headers.GetValues(ApiVersion.HeaderName)));
    }

    [Theory]
    [InlineData("api/status")]
    [InlineData("api/metrics")]
    public async Task Server_EndpointWithoutParameters_RefusesAny(string path)
    {
        // Act
        using var response = await _client!.GetAsync(new Uri(path + "?notAContractName=1", UriKind.Relative)).WaitAsync(s_timeout);
        var problem = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), ApiJson.TypeInfo<ApiProblem>())!;

        // Assert: the contract has no parameter class for it, and the server takes none.
        Assert.Equal(StatusCodes.Status400BadRequest, (int)response.StatusCode);
        Assert.Equal("notAContractName: not a parameter here (this endpoint takes none)", problem.Detail);
        Assert.Equal(ApiVersion.Current, Assert.Single(response.Headers.GetValues(ApiVersion.HeaderName)));
    }

    [Fact]
    public void Enums_ContractAndModel_SameValuesAndTheSpellingTheApiAlwaysWrote()
    {
        AssertSameEnum<ApiSpanKind, SpanKind>(3);
        AssertSameEnum<ApiSpanStatusCode, SpanStatusCode>(3);
        AssertSameEnum<ApiMetricKind, MetricKind>(5);
        AssertSameEnum<ApiAggregationTemporality, AggregationTemporality>(3);
        AssertSameEnum<ApiErrorGroupStatus, ErrorGroupStatus>(3);
        AssertSameEnum<ApiErrorSeverity, ErrorSeverity>(4);
        AssertSameEnum<ApiFingerprintMethod, FingerprintMethod>(4);
        AssertSameEnum<ApiErrorEventSource, ErrorEventSource>(2);
        AssertSameEnum<ApiHealthStatus, HealthStatus>(3);
        AssertSameEnum<ApiHealthSourceKind, HealthSourceKind>(2);
        AssertSameEnum<ApiAlertState, AlertState>(4);
        AssertSameEnum<ApiNotificationOutcome, NotificationOutcome>(3);
        AssertSameEnum<ApiSilenceState, SilenceState>(3);
    }

    [Fact]
    public void Enums_ContractSpelling_Reads()
    {
        // Exact spellings only: the source-generated converter does not fold case for named members, so the PascalCase
        // that servers before the contract wrote on the log, trace and metric endpoints no longer reads.
        Assert.Equal(ApiSpanKind.Server, JsonSerializer.Deserialize("\"server\"", ApiJson.TypeInfo<ApiSpanKind>()));
    }

    [Fact]
    public void Enums_EveryContractEnum_IsInTheDriftCheck()
    {
        // A new contract enum must be added to the check above (and to the mappers).
        var contractEnums = typeof(ApiJson).Assembly.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.Name).Order();

        Assert.Equal(["ApiAggregationTemporality", "ApiAlertState", "ApiErrorEventSource", "ApiErrorGroupStatus", "ApiErrorSeverity", "ApiFingerprintMethod", "ApiHealthSourceKind", "ApiHealthStatus", "ApiMetricKind", "ApiNotificationOutcome", "ApiSilenceState", "ApiSpanKind", "ApiSpanStatusCode"], contractEnums);
    }

    private static void AssertSameEnum<TContract, TModel>(int atLeast)
        where TContract : struct, Enum
        where TModel : struct, Enum
    {
        var contract = Enum.GetValues<TContract>();
        var model = Enum.GetValues<TModel>();
        Assert.True(contract.Length >= atLeast);
        Assert.Equal(model.Select(v => Convert.ToInt32(v, null)), contract.Select(v => Convert.ToInt32(v, null)));
        foreach (var value in model)
        {
            var apiValue = (TContract)Enum.ToObject(typeof(TContract), value);

            // The wire spelling before the contract: the model's name in camelCase (TelemetryJson).
            var before = JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, TelemetryJson.Options))!;
            Assert.Equal(before, ApiEnumNames.Of(apiValue));
            Assert.Equal(value.ToString(), apiValue.ToString());
        }
    }

    /// <summary>The parameters the requests to a path sent, together, are exactly the contract's list.</summary>
    private void AssertSent(string path, IReadOnlyList<string> expected, int requests = 1)
    {
        var sent = _requests.Where(r => r.Path == path).ToArray();
        Assert.Equal(requests, sent.Length);
        var keys = sent.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }
}
