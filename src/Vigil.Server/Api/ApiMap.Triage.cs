using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>Error groups and health states as the contract's types.</summary>
internal static partial class ApiMap
{
    public static ApiErrorGroup ToApi(this ErrorGroup group) => new()
    {
        Id = group.Id,
        Fingerprint = group.Fingerprint,
        GroupingVersion = group.GroupingVersion,
        Method = (ApiFingerprintMethod)group.Method,
        Type = group.Type,
        Message = group.Message,
        Culprit = group.Culprit,
        StackTrace = group.StackTrace,
        FirstSeen = group.FirstSeen,
        LastSeen = group.LastSeen,
        Count = group.Count,
        Services = group.Services,
        Releases = group.Releases,
        Severity = (ApiErrorSeverity)group.Severity,
        BaseSeverity = (ApiErrorSeverity)group.BaseSeverity,
        SeverityRaised = group.SeverityRaised,
        Status = (ApiErrorGroupStatus)group.Status,
        StatusChanged = group.StatusChanged,
        IsRegression = group.IsRegression,
        ResolvedInNextRelease = group.ResolvedInNextRelease,
        IgnoredUntil = group.IgnoredUntil,
        IgnoredUntilCount = group.IgnoredUntilCount,
    };

    public static ApiErrorGroupDetail ToApi(this ErrorGroupDetail detail) => new()
    {
        Group = detail.Group.ToApi(),
        HourlyCounts = [.. detail.HourlyCounts.Select(h => new ApiErrorHourlyCount { Hour = h.Hour, Count = h.Count })],
        LatestEvents = [.. detail.LatestEvents.Select(ToApi)],
    };

    public static ApiHealthState ToApi(this HealthState state) => new()
    {
        Latest = state.Latest.ToApi(),
        Since = state.Since,
        Stale = state.IsStale,
        Status = (ApiHealthStatus)state.Status,
    };

    public static ApiHealthHistory ToApi(this HealthHistory history) => new()
    {
        Name = history.Name,
        Kind = (ApiHealthSourceKind)history.Kind,
        ServiceName = history.ServiceName,
        Results = [.. history.Results.Select(r => new ApiHealthHistoryEntry
        {
            Timestamp = r.Timestamp,
            Status = (ApiHealthStatus)r.Status,
            Observed = (ApiHealthStatus)r.Observed,
            Duration = r.Duration,
            Description = r.Description,
        })],
    };

    private static ApiErrorEvent ToApi(ErrorEvent e) => new()
    {
        Id = e.Id,
        GroupId = e.GroupId,
        Timestamp = e.Timestamp,
        Source = (ApiErrorEventSource)e.Source,
        TraceId = e.TraceId,
        SpanId = e.SpanId,
        ServiceName = e.ServiceName,
        Release = e.Release,
        Type = e.Type,
        Message = e.Message,
        StackTrace = e.StackTrace,
    };

    private static ApiHealthResult ToApi(this HealthResult result) => new()
    {
        Name = result.Name,
        Kind = (ApiHealthSourceKind)result.Kind,
        ServiceName = result.ServiceName,
        Status = (ApiHealthStatus)result.Status,
        Observed = (ApiHealthStatus)result.Observed,
        Timestamp = result.Timestamp,
        Duration = result.Duration,
        Interval = result.Interval,
        Description = result.Description,
        Data = ApiAttributes.From(result.Data),
    };
}
