using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>Error groups, health states and the status change between the contract and the model.</summary>
internal static partial class ContractMap
{
    public static ErrorGroup ToModel(this ApiErrorGroup group) => new()
    {
        Id = group.Id,
        Fingerprint = group.Fingerprint,
        GroupingVersion = group.GroupingVersion,
        Method = (FingerprintMethod)group.Method,
        Type = group.Type,
        Message = group.Message,
        Culprit = group.Culprit,
        StackTrace = group.StackTrace,
        FirstSeen = group.FirstSeen,
        LastSeen = group.LastSeen,
        Count = group.Count,
        Services = group.Services,
        Releases = group.Releases,
        Severity = (ErrorSeverity)group.Severity,
        BaseSeverity = (ErrorSeverity)group.BaseSeverity,
        SeverityRaised = group.SeverityRaised,
        Status = (ErrorGroupStatus)group.Status,
        StatusChanged = group.StatusChanged,
        IsRegression = group.IsRegression,
        ResolvedInNextRelease = group.ResolvedInNextRelease,
        IgnoredUntil = group.IgnoredUntil,
        IgnoredUntilCount = group.IgnoredUntilCount,
    };

    public static ErrorGroupDetail ToModel(this ApiErrorGroupDetail detail) => new()
    {
        Group = detail.Group.ToModel(),
        HourlyCounts = [.. detail.HourlyCounts.Select(h => new ErrorHourlyCount(h.Hour, h.Count))],
        LatestEvents = [.. detail.LatestEvents.Select(ToModel)],
    };

    // Status is derived (stale counts as unhealthy), so only what it is derived from is read.
    public static HealthState ToModel(this ApiHealthState state) => new()
    {
        Latest = state.Latest.ToModel(),
        Since = state.Since,
        IsStale = state.Stale,
    };

    public static ApiErrorStatusChange ToApi(this ErrorStatusChange change) => new()
    {
        Status = change.Status.ToApi(),
        InNextRelease = change.InNextRelease,
        IgnoreForEvents = change.IgnoreForEvents,
        IgnoreUntil = change.IgnoreUntil,
    };

    public static ApiErrorGroupStatus ToApi(this ErrorGroupStatus status) => (ApiErrorGroupStatus)status;

    public static ApiErrorSeverity ToApi(this ErrorSeverity severity) => (ApiErrorSeverity)severity;

    public static ApiFingerprintMethod ToApi(this FingerprintMethod method) => (ApiFingerprintMethod)method;

    public static ApiErrorEventSource ToApi(this ErrorEventSource source) => (ApiErrorEventSource)source;

    public static ApiHealthSourceKind ToApi(this HealthSourceKind kind) => (ApiHealthSourceKind)kind;

    public static HealthHistory ToModel(this ApiHealthHistory history) => new()
    {
        Name = history.Name,
        Kind = (HealthSourceKind)history.Kind,
        ServiceName = history.ServiceName,
        Results = [.. history.Results.Select(r => new HealthHistoryEntry
        {
            Timestamp = r.Timestamp,
            Status = (HealthStatus)r.Status,
            Observed = (HealthStatus)r.Observed,
            Duration = r.Duration,
            Description = r.Description,
        })],
    };

    private static ErrorEvent ToModel(ApiErrorEvent e) => new()
    {
        Id = e.Id,
        GroupId = e.GroupId,
        Timestamp = e.Timestamp,
        Source = (ErrorEventSource)e.Source,
        TraceId = e.TraceId,
        SpanId = e.SpanId,
        ServiceName = e.ServiceName,
        Release = e.Release,
        Type = e.Type,
        Message = e.Message,
        StackTrace = e.StackTrace,
    };

    private static HealthResult ToModel(this ApiHealthResult result) => new()
    {
        Name = result.Name,
        Kind = (HealthSourceKind)result.Kind,
        ServiceName = result.ServiceName,
        Status = (HealthStatus)result.Status,
        Observed = (HealthStatus)result.Observed,
        Timestamp = result.Timestamp,
        Duration = result.Duration,
        Interval = result.Interval,
        Description = result.Description,
        Data = ContractAttributes.ToModel(result.Data),
    };
}
