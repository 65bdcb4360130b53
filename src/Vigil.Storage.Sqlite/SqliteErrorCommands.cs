using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The prepared commands <see cref="SqliteErrorGroupPersistence"/> stores error groups with: plain reads and writes,
/// no rules (those are <see cref="TelemetryWritePipeline"/>'s).
/// </summary>
internal sealed class SqliteErrorCommands
{
    /// <summary>The columns a group's state is read from, in <see cref="SqliteErrorGroupPersistence"/>'s order.</summary>
    private const string GroupStateColumns =
        "id, count, first_seen, last_seen, base_severity, status, status_changed, is_regression, resolved_in_next_release, " +
        "ignored_until, ignored_until_count";

    public SqliteErrorCommands(SqliteConnection connection)
    {
        // Find first, insert only when absent: an upsert on this AUTOINCREMENT table takes a new id from
        // sqlite_sequence even when it resolves to the existing row, so ids jumped by one per event. The batch runs
        // in a BEGIN IMMEDIATE transaction, so no other writer can insert between the two statements.
        FindGroup = new(
            connection,
            "SELECT " + GroupStateColumns + " FROM error_groups WHERE fingerprint = @fingerprint AND grouping_version = @version;",
            "@fingerprint", "@version");
        InsertGroup = new(
            connection,
            "INSERT INTO error_groups (fingerprint, grouping_version, method, type, message, culprit, stacktrace, first_seen, last_seen, " +
            "count, base_severity, status, is_regression, resolved_in_next_release) " +
            "VALUES (@fingerprint, @version, @method, @type, @message, @culprit, @stack, @first, @last, @count, @severity, @status, 0, 0) " +
            "RETURNING id;",
            "@fingerprint", "@version", "@method", "@type", "@message", "@culprit", "@stack", "@first", "@last", "@count", "@severity", "@status");
        FindUnpaired = new(
            connection,
            "SELECT id, group_id, time, source, type, message, exception_id IS NOT NULL FROM error_events " +
            "WHERE span_id = @span AND trace_id = @trace AND paired = 0 AND time BETWEEN @from AND @to;",
            "@span", "@trace", "@from", "@to");
        MarkPaired = new(connection, "UPDATE error_events SET paired = 1 WHERE id = @id;", "@id");
        FindByExceptionId = new(
            connection,
            "SELECT group_id FROM error_events WHERE exception_id = @exception AND time BETWEEN @from AND @to LIMIT 1;",
            "@exception", "@from", "@to");
        FindAlias = new(
            connection,
            "SELECT group_id FROM error_group_aliases WHERE fingerprint = @fingerprint AND grouping_version = @version;",
            "@fingerprint", "@version");
        InsertAlias = new(
            connection,
            "INSERT INTO error_group_aliases (fingerprint, grouping_version, group_id) VALUES (@fingerprint, @version, @group);",
            "@fingerprint", "@version", "@group");
        ReadGroup = new(
            connection,
            "SELECT " + GroupStateColumns + " FROM error_groups WHERE id = @id;",
            "@id");
        InsertEvent = new(
            connection,
            "INSERT INTO error_events (group_id, time, source, trace_id, span_id, service_name, release, type, message, stacktrace, paired, exception_id) " +
            "VALUES (@group, @time, @source, @trace, @span, @service, @release, @type, @message, @stack, 0, @exception);",
            "@group", "@time", "@source", "@trace", "@span", "@service", "@release", "@type", "@message", "@stack", "@exception");
        InsertService = new(
            connection,
            "INSERT INTO error_group_services (group_id, service_name) VALUES (@group, @service) ON CONFLICT DO NOTHING;",
            "@group", "@service");
        InsertRelease = new(
            connection,
            "INSERT INTO error_group_releases (group_id, release) VALUES (@group, @release) ON CONFLICT DO NOTHING;",
            "@group", "@release");
        UpdateGroup = new(
            connection,
            "UPDATE error_groups SET count = @count, first_seen = @first, last_seen = @last, base_severity = @severity, " +
            "status = @status, status_changed = @changed, is_regression = @regression, resolved_in_next_release = @nextRelease, " +
            "ignored_until = @until, ignored_until_count = @untilCount WHERE id = @group;",
            "@count", "@first", "@last", "@severity", "@status", "@changed", "@regression", "@nextRelease", "@until", "@untilCount", "@group");
        CountHour = new(
            connection,
            "INSERT INTO error_hourly_counts (group_id, hour, count) VALUES (@group, @hour, 1) " +
            "ON CONFLICT (group_id, hour) DO UPDATE SET count = count + 1;",
            "@group", "@hour");
        All = [FindGroup, InsertGroup, FindUnpaired, MarkPaired, FindByExceptionId, FindAlias, InsertAlias, ReadGroup, InsertEvent, InsertService,
            InsertRelease, UpdateGroup, CountHour];
    }

    public PreparedCommand FindGroup { get; }

    public PreparedCommand InsertGroup { get; }

    public PreparedCommand FindUnpaired { get; }

    public PreparedCommand MarkPaired { get; }

    public PreparedCommand FindByExceptionId { get; }

    public PreparedCommand FindAlias { get; }

    public PreparedCommand InsertAlias { get; }

    public PreparedCommand ReadGroup { get; }

    public PreparedCommand InsertEvent { get; }

    public PreparedCommand InsertService { get; }

    /// <summary>One row changed means the release is new to the group.</summary>
    public PreparedCommand InsertRelease { get; }

    public PreparedCommand UpdateGroup { get; }

    public PreparedCommand CountHour { get; }

    public IReadOnlyList<PreparedCommand> All { get; }
}
