using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>The prepared commands <see cref="SqliteBatchWriter"/> adds exceptions to their error groups with.</summary>
internal sealed class SqliteErrorCommands
{
    /// <summary>The columns <see cref="SqliteBatchWriter"/> reads a group's life-cycle state from, in its order.</summary>
    private const string GroupLifecycleColumns =
        "id, count, status, status_changed, is_regression, resolved_in_next_release, ignored_until, ignored_until_count";

    public SqliteErrorCommands(SqliteConnection connection)
    {
        // Find first, insert only when absent: an upsert on this AUTOINCREMENT table takes a new id from
        // sqlite_sequence even when it resolves to the existing row, so ids jumped by one per event. The batch runs
        // in a BEGIN IMMEDIATE transaction, so no other writer can insert between the two statements.
        FindGroup = new(
            connection,
            "SELECT " + GroupLifecycleColumns + " FROM error_groups WHERE fingerprint = @fingerprint AND grouping_version = @version;",
            "@fingerprint", "@version");
        // A new group starts with count 0 and is counted by UpdateGroup like every later event.
        InsertGroup = new(
            connection,
            "INSERT INTO error_groups (fingerprint, grouping_version, method, type, message, culprit, stacktrace, first_seen, last_seen, " +
            "count, base_severity, status, is_regression, resolved_in_next_release) " +
            "VALUES (@fingerprint, @version, @method, @type, @message, @culprit, @stack, @time, @time, 0, @severity, 0, 0, 0) " +
            "RETURNING " + GroupLifecycleColumns + ";",
            "@fingerprint", "@version", "@method", "@type", "@message", "@culprit", "@stack", "@time", "@severity");
        // The other report of one occurrence: same span, other source, same type and message, within a second. Not
        // matched by group, because the two reports' stack texts may differ (see error_group_aliases).
        PairEvent = new(
            connection,
            "UPDATE error_events SET paired = 1 WHERE id = (SELECT id FROM error_events " +
            "WHERE span_id = @span AND trace_id = @trace AND source <> @source AND paired = 0 " +
            "AND (exception_id IS NULL OR @exception IS NULL) " +
            "AND type = @type AND coalesce(message, '') = coalesce(@message, '') " +
            "AND time BETWEEN @time - 1000000000 AND @time + 1000000000 ORDER BY abs(time - @time) LIMIT 1) " +
            "RETURNING group_id;",
            "@span", "@trace", "@source", "@type", "@message", "@time", "@exception");
        // Only within ExceptionIdentity.Window: an exception object cached and thrown again later (a preallocated
        // OutOfMemoryException, a library's static instance) is a new occurrence.
        FindByExceptionId = new(
            connection,
            "SELECT group_id FROM error_events WHERE exception_id = @exception " +
            "AND time BETWEEN @time - @window AND @time + @window LIMIT 1;",
            "@exception", "@time", "@window");
        FindAlias = new(
            connection,
            "SELECT group_id FROM error_group_aliases WHERE fingerprint = @fingerprint AND grouping_version = @version;",
            "@fingerprint", "@version");
        InsertAlias = new(
            connection,
            "INSERT INTO error_group_aliases (fingerprint, grouping_version, group_id) " +
            "SELECT @fingerprint, @version, @group WHERE NOT EXISTS " +
            "(SELECT 1 FROM error_groups WHERE fingerprint = @fingerprint AND grouping_version = @version) " +
            "ON CONFLICT DO NOTHING;",
            "@fingerprint", "@version", "@group");
        ReadGroup = new(
            connection,
            "SELECT " + GroupLifecycleColumns + " FROM error_groups WHERE id = @id;",
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
        // The severity is the newest event's (SET reads the row as it was), so a changed rule applies from the next event.
        UpdateGroup = new(
            connection,
            "UPDATE error_groups SET count = @count, first_seen = min(first_seen, @time), last_seen = max(last_seen, @time), " +
            "base_severity = CASE WHEN @time >= last_seen THEN @severity ELSE base_severity END, " +
            "status = @status, status_changed = @changed, is_regression = @regression, resolved_in_next_release = @nextRelease, " +
            "ignored_until = @until, ignored_until_count = @untilCount WHERE id = @group;",
            "@count", "@time", "@status", "@changed", "@regression", "@nextRelease", "@until", "@untilCount", "@group", "@severity");
        CountHour = new(
            connection,
            "INSERT INTO error_hourly_counts (group_id, hour, count) VALUES (@group, @hour, 1) " +
            "ON CONFLICT (group_id, hour) DO UPDATE SET count = count + 1;",
            "@group", "@hour");
        All = [FindGroup, InsertGroup, PairEvent, FindByExceptionId, FindAlias, InsertAlias, ReadGroup, InsertEvent, InsertService, InsertRelease, UpdateGroup, CountHour];
    }

    public PreparedCommand FindGroup { get; }

    public PreparedCommand InsertGroup { get; }

    /// <summary>Marks the matching unpaired event from the other source as paired; one row changed means "paired".</summary>
    public PreparedCommand PairEvent { get; }

    /// <summary>The group of a stored report of the same exception object, if any.</summary>
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
