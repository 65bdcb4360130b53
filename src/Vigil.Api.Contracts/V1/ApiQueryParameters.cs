namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The query-string parameter names of every endpoint, spelt once: the server accepts exactly an endpoint's
/// <c>All</c> (and refuses any other name), the CLI client sends only these. Endpoints with no parameters
/// (<c>/api/metrics</c>, <c>/api/traces/{traceId}</c>, <c>/api/builds/{traceId}</c>, the status change, <c>/api/alerts/{id}</c> and the alert and silence writes) have no class here.
/// </summary>
public static class ApiQueryParameters
{
    /// <summary>The parameters of <c>GET /api/logs</c>.</summary>
    public static class Logs
    {
        /// <summary><c>service</c>: Only records of this service.</summary>
        public const string Service = "service";

        /// <summary><c>level</c>: Only records at this level or above.</summary>
        public const string Level = "level";

        /// <summary><c>since</c>: Only records at or after this time (RFC 3339 or a duration before now).</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only records before this time.</summary>
        public const string Until = "until";

        /// <summary><c>grep</c>: Only records whose text contains this.</summary>
        public const string Grep = "grep";

        /// <summary><c>trace</c>: Only records of this trace id.</summary>
        public const string Trace = "trace";

        /// <summary><c>where</c>: Repeated <c>key=value</c> attribute filters.</summary>
        public const string Where = "where";

        /// <summary><c>limit</c>: The most records returned.</summary>
        public const string Limit = "limit";

        /// <summary><c>after</c>: Only records with a sequence above this (the previous page's <c>next</c>).</summary>
        public const string After = "after";

        /// <summary><c>before</c>: Only records with a sequence below this, newest first (the oldest sequence of the page shown).</summary>
        public const string Before = "before";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service, Level, Since, Until, Grep, Trace, Where, Limit, After, Before];
    }

    /// <summary>The parameters of <c>GET /api/logs/patterns</c>: the filters of <c>/api/logs</c>, how many records to read, and how many patterns to return.</summary>
    public static class LogPatterns
    {
        /// <summary><c>service</c>: as <see cref="Logs.Service"/>.</summary>
        public const string Service = Logs.Service;

        /// <summary><c>level</c>: as <see cref="Logs.Level"/>.</summary>
        public const string Level = Logs.Level;

        /// <summary><c>since</c>: as <see cref="Logs.Since"/>.</summary>
        public const string Since = Logs.Since;

        /// <summary><c>until</c>: as <see cref="Logs.Until"/>.</summary>
        public const string Until = Logs.Until;

        /// <summary><c>grep</c>: as <see cref="Logs.Grep"/>.</summary>
        public const string Grep = Logs.Grep;

        /// <summary><c>trace</c>: as <see cref="Logs.Trace"/>.</summary>
        public const string Trace = Logs.Trace;

        /// <summary><c>where</c>: as <see cref="Logs.Where"/>.</summary>
        public const string Where = Logs.Where;

        /// <summary><c>limit</c>: The most records read, newest first (default 5,000, at most 10,000).</summary>
        public const string Limit = "limit";

        /// <summary><c>patterns</c>: The most patterns returned (default 100, at most 1,000).</summary>
        public const string Patterns = "patterns";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service, Level, Since, Until, Grep, Trace, Where, Limit, Patterns];
    }

    /// <summary>The parameters of <c>GET /api/overview</c>.</summary>
    public static class Overview
    {
        /// <summary><c>since</c>: The start of the range (default: an hour before <c>until</c>).</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: The end of the range (default: now).</summary>
        public const string Until = "until";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Since, Until];
    }

    /// <summary>The parameters of <c>GET /api/traces</c>.</summary>
    public static class Traces
    {
        /// <summary><c>service</c>: Only traces of this service.</summary>
        public const string Service = "service";

        /// <summary><c>root</c>: Only traces whose root span has exactly this name.</summary>
        public const string Root = "root";

        /// <summary><c>since</c>: Only traces starting at or after this time.</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only traces starting before this time.</summary>
        public const string Until = "until";

        /// <summary><c>minDuration</c>: Only traces at least this long.</summary>
        public const string MinDuration = "minDuration";

        /// <summary><c>errors</c>: Only traces with an error span.</summary>
        public const string Errors = "errors";

        /// <summary><c>limit</c>: The most traces returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service, Root, Since, Until, MinDuration, Errors, Limit];
    }

    /// <summary>The parameters of <c>GET /api/trace-ids</c>.</summary>
    public static class TraceIds
    {
        /// <summary><c>prefix</c>: The first hex digits of the trace id.</summary>
        public const string Prefix = "prefix";

        /// <summary><c>limit</c>: The most ids returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Prefix, Limit];
    }

    /// <summary>The parameters of <c>GET /api/metrics/{name}</c>.</summary>
    public static class Metric
    {
        /// <summary><c>since</c>: The start of the range.</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: The end of the range.</summary>
        public const string Until = "until";

        /// <summary><c>step</c>: The bucket width.</summary>
        public const string Step = "step";

        /// <summary><c>by</c>: Repeated attribute keys to group series by; one empty value combines every series.</summary>
        public const string By = "by";

        /// <summary><c>service</c>: Only series of this service.</summary>
        public const string Service = "service";

        /// <summary><c>where</c>: Repeated <c>key=value</c> attribute filters.</summary>
        public const string Where = "where";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Since, Until, Step, By, Service, Where];
    }

    /// <summary>The parameters of <c>GET /api/metric-points</c>.</summary>
    public static class MetricPoints
    {
        /// <summary><c>filter</c>: Only series whose metric name matches this pattern (<c>*</c> for any text).</summary>
        public const string Filter = "filter";

        /// <summary><c>limit</c>: The most series returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Filter, Limit];
    }

    /// <summary>The parameters of <c>GET /api/metric-exemplars</c>.</summary>
    public static class MetricExemplars
    {
        /// <summary><c>name</c>: The metric's name (required).</summary>
        public const string Name = "name";

        /// <summary><c>since</c>: Only points at or after this time (default: an hour before <c>until</c>).</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only points before this time (default: now).</summary>
        public const string Until = "until";

        /// <summary><c>service</c>: Only series of this service.</summary>
        public const string Service = "service";

        /// <summary><c>limit</c>: The most exemplars returned (default 100, at most 1,000).</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Name, Since, Until, Service, Limit];
    }

    /// <summary>The parameters of <c>GET /api/errors</c>.</summary>
    public static class Errors
    {
        /// <summary><c>service</c>: Only groups seen in this service.</summary>
        public const string Service = "service";

        /// <summary><c>since</c>: Only groups seen at or after this time.</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only groups seen before this time.</summary>
        public const string Until = "until";

        /// <summary><c>status</c>: Only groups with this status.</summary>
        public const string Status = "status";

        /// <summary><c>severity</c>: Only groups at this severity or above.</summary>
        public const string Severity = "severity";

        /// <summary><c>limit</c>: The most groups returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service, Since, Until, Status, Severity, Limit];
    }

    /// <summary>The parameters of <c>GET /api/errors/{id}</c>.</summary>
    public static class ErrorDetail
    {
        /// <summary><c>hours</c>: How many hours of counts.</summary>
        public const string Hours = "hours";

        /// <summary><c>events</c>: How many latest events.</summary>
        public const string Events = "events";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Hours, Events];
    }

    /// <summary>The parameters of <c>GET /api/health</c>.</summary>
    public static class Health
    {
        /// <summary><c>service</c>: Only states of this service.</summary>
        public const string Service = "service";

        /// <summary><c>kind</c>: Only checks or only probes.</summary>
        public const string Kind = "kind";

        /// <summary><c>staleAfter</c>: How long without a result makes a state stale.</summary>
        public const string StaleAfter = "staleAfter";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service, Kind, StaleAfter];
    }

    /// <summary>The parameters of <c>GET /api/health/history</c>.</summary>
    public static class HealthHistory
    {
        /// <summary><c>service</c>: Only checks of this service.</summary>
        public const string Service = "service";

        /// <summary><c>kind</c>: Only checks or only probes.</summary>
        public const string Kind = "kind";

        /// <summary><c>name</c>: Only the check or probe of this name.</summary>
        public const string Name = "name";

        /// <summary><c>since</c>: Only results at or after this time (RFC 3339 or a duration before now).</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only results before this time.</summary>
        public const string Until = "until";

        /// <summary><c>limit</c>: The most results returned for each check or probe (its newest).</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service, Kind, Name, Since, Until, Limit];
    }

    /// <summary>The parameters of <c>GET /api/builds</c>.</summary>
    public static class Builds
    {
        /// <summary><c>task</c>: Only builds and commands of this task name.</summary>
        public const string Task = "task";

        /// <summary><c>failed</c>: Only the ones that failed (or never started).</summary>
        public const string Failed = "failed";

        /// <summary><c>since</c>: Only ones starting at or after this time.</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only ones starting before this time.</summary>
        public const string Until = "until";

        /// <summary><c>limit</c>: The most returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Task, Failed, Since, Until, Limit];
    }

    /// <summary>The parameters of <c>GET /api/alerts</c>.</summary>
    public static class Alerts
    {
        /// <summary><c>state</c>: Repeated; only instances in these states (default: firing and pending).</summary>
        public const string State = "state";

        /// <summary><c>rule</c>: Only instances of this rule.</summary>
        public const string Rule = "rule";

        /// <summary><c>match</c>: Repeated label matchers (<c>service=shop</c>, <c>env=~"prod|stage"</c>); all must hold.</summary>
        public const string Match = "match";

        /// <summary><c>limit</c>: The most instances returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [State, Rule, Match, Limit];
    }

    /// <summary>The parameters of <c>GET /api/alerts/history</c> and <c>GET /api/alerts/notifications</c>.</summary>
    public static class AlertHistory
    {
        /// <summary><c>alert</c>: Only the history of this alert instance (for notifications: those that carried it).</summary>
        public const string Alert = "alert";

        /// <summary><c>rule</c>: Only the history of this rule's instances.</summary>
        public const string Rule = "rule";

        /// <summary><c>match</c>: Repeated label matchers on the instances; all must hold.</summary>
        public const string Match = "match";

        /// <summary><c>since</c>: Only at or after this time (RFC 3339 or a duration before now).</summary>
        public const string Since = "since";

        /// <summary><c>until</c>: Only before this time.</summary>
        public const string Until = "until";

        /// <summary><c>limit</c>: The most entries returned.</summary>
        public const string Limit = "limit";

        /// <summary>Every parameter the endpoints take.</summary>
        public static IReadOnlyList<string> All { get; } = [Alert, Rule, Match, Since, Until, Limit];
    }

    /// <summary>The parameters of <c>GET /api/slos</c>.</summary>
    public static class Slos
    {
        /// <summary><c>service</c>: Only the SLOs of this service.</summary>
        public const string Service = "service";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [Service];
    }

    /// <summary>The parameters of <c>GET /api/silences</c>.</summary>
    public static class Silences
    {
        /// <summary><c>includeExpired</c>: Also expired silences.</summary>
        public const string IncludeExpired = "includeExpired";

        /// <summary>Every parameter the endpoint takes.</summary>
        public static IReadOnlyList<string> All { get; } = [IncludeExpired];
    }
}
