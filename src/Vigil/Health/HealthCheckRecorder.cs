using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Internal;
using Vigil.Model;
using PlatformStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;
using StoreStatus = Vigil.Model.HealthStatus;

namespace Vigil.Health;

/// <summary>
/// The publisher the platform's health-check scheduler hands every report to: each check's result becomes
/// one log record shaped as <see cref="HealthLogRecord"/> says (so the local store and <c>vigil serve</c>
/// record it as a health result) and two metrics (<see cref="HealthMetrics"/>). A check's exception is
/// described, not attached: attached, it would open an error group every period. Each record carries the check's
/// period, so a store can tell when the application has stopped reporting (a stale check).
/// </summary>
internal sealed class HealthCheckRecorder : IHealthCheckPublisher
{
    public const string CategoryName = "Vigil.Health";

    private static readonly EventId s_eventId = new(1, HealthLogRecord.EventName);

    private readonly ILogger _logger;
    private readonly HealthMetrics _metrics;
    private readonly double _periodMilliseconds;

    // A registration may run on its own period (HealthCheckRegistration.Period); the scheduler honours it, so do we.
    private readonly Dictionary<string, double> _registrationPeriodMilliseconds;

    public HealthCheckRecorder(
        ILoggerFactory loggerFactory,
        HealthMetrics metrics,
        IOptions<HealthCheckPublisherOptions> publisher,
        IOptions<HealthCheckServiceOptions> checks)
    {
        _logger = loggerFactory.CreateLogger(CategoryName);
        _metrics = metrics;
        // The scheduler's period, which Health:PeriodSeconds sets (HealthServices) unless the application changed it.
        _periodMilliseconds = publisher.Value.Period.TotalMilliseconds;
        _registrationPeriodMilliseconds = checks.Value.Registrations
            .Where(r => r.Period is not null)
            .DistinctBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(r => r.Name, r => r.Period!.Value.TotalMilliseconds, StringComparer.Ordinal);
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            try
            {
                Record(name, entry);
            }
            catch (Exception exception)
            {
                // One entry we cannot record (a bug of ours, or data that will not convert) must not cost the others.
                VigilSdkEventSource.Log.ProcessorFailed(CategoryName, exception);
            }
        }

        return Task.CompletedTask;
    }

    private void Record(string name, HealthReportEntry entry)
    {
        var status = ToStoreStatus(entry.Status);
        var statusText = HealthLogRecord.StatusText(status);
        var description = Describe(entry);
        var milliseconds = entry.Duration.TotalMilliseconds;
        _metrics.Record(name, status, entry.Duration);

        var attributes = new List<KeyValuePair<string, object?>>(5 + entry.Data.Count)
        {
            new(HealthLogRecord.Name, name),
            new(HealthLogRecord.Status, statusText),
            new(HealthLogRecord.DurationMilliseconds, milliseconds),
            new(HealthLogRecord.IntervalMilliseconds, _registrationPeriodMilliseconds.GetValueOrDefault(name, _periodMilliseconds)),
        };
        if (description is not null)
        {
            attributes.Add(new(HealthLogRecord.Description, description));
        }

        foreach (var (key, value) in entry.Data)
        {
            attributes.Add(new(HealthLogRecord.DataPrefix + key, ToAttributeValue(value)));
        }

        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"Health check {name} is {statusText} ({milliseconds:0.###} ms){(description is null ? string.Empty : ": " + description)}");
        var level = status switch
        {
            StoreStatus.Healthy => LogLevel.Information,
            StoreStatus.Degraded => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        _logger.Log(level, s_eventId, attributes, exception: null, (_, _) => body);
    }

    /// <summary>The check's description, with its exception's type and message, or the platform's timeout said plainly.</summary>
    private static string? Describe(HealthReportEntry entry)
    {
        if (entry.Exception is OperationCanceledException)
        {
            // The platform reports a check that ran past its registration's timeout this way (the scheduler's
            // own cancellation, when the app stops, ends the run without a report).
            return string.Create(CultureInfo.InvariantCulture, $"timed out after {entry.Duration.TotalSeconds:0.###} s");
        }

        if (entry.Exception is { } exception)
        {
            var error = $"{exception.GetType().FullName}: {exception.Message}";
            return string.IsNullOrEmpty(entry.Description) || entry.Description == exception.Message ? error : $"{entry.Description} ({error})";
        }

        return string.IsNullOrEmpty(entry.Description) ? null : entry.Description;
    }

    private static StoreStatus ToStoreStatus(PlatformStatus status) => status switch
    {
        PlatformStatus.Healthy => StoreStatus.Healthy,
        PlatformStatus.Degraded => StoreStatus.Degraded,
        _ => StoreStatus.Unhealthy,
    };

    private static object? ToAttributeValue(object? value) => value switch
    {
        null or string or bool or long or double => value,
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
