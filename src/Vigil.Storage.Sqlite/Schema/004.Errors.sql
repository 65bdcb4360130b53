-- Version 4: error groups (see docs/errors.md). Times are Unix nanoseconds.

-- One row per fingerprint and grouping version: the unique key is what lets two processes writing one store at
-- once upsert into the same group instead of creating two.
CREATE TABLE error_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    grouping_version INTEGER NOT NULL,
    method INTEGER NOT NULL,
    type TEXT NOT NULL,
    message TEXT,
    culprit TEXT,
    stacktrace TEXT,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL,
    base_severity INTEGER NOT NULL,
    status INTEGER NOT NULL,
    status_changed INTEGER,
    is_regression INTEGER NOT NULL,
    resolved_in_next_release INTEGER NOT NULL,
    ignored_until INTEGER,
    ignored_until_count INTEGER,
    UNIQUE (fingerprint, grouping_version)
);

CREATE INDEX ix_error_groups_last_seen ON error_groups (last_seen);

CREATE TABLE error_group_services (
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    service_name TEXT NOT NULL,
    PRIMARY KEY (service_name, group_id)
) WITHOUT ROWID;

-- rowid keeps the order releases were first seen in.
CREATE TABLE error_group_releases (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    release TEXT NOT NULL,
    UNIQUE (group_id, release)
);

-- hour: the start of the hour. Retention deletes old hours; the group's count stays.
CREATE TABLE error_hourly_counts (
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    hour INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (group_id, hour)
) WITHOUT ROWID;

CREATE INDEX ix_error_hourly_counts_hour ON error_hourly_counts (hour);

-- paired: a log record and a span event reporting this same occurrence were both seen (only the first is kept).
CREATE TABLE error_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    time INTEGER NOT NULL,
    source INTEGER NOT NULL,
    trace_id TEXT,
    span_id TEXT,
    service_name TEXT,
    release TEXT,
    type TEXT NOT NULL,
    message TEXT,
    stacktrace TEXT,
    paired INTEGER NOT NULL
);

CREATE INDEX ix_error_events_group_time ON error_events (group_id, time);
CREATE INDEX ix_error_events_time ON error_events (time);
CREATE INDEX ix_error_events_span ON error_events (span_id, trace_id) WHERE span_id IS NOT NULL;

-- Another fingerprint of a group's exception: the same exception object reported by a log record and by its
-- span's exception event can carry different stack texts (an exporter that renders the text after the
-- exception unwound further), so the fingerprint of the second report, once paired with the first, is
-- recorded here and sends every later report with it to the same group.
CREATE TABLE error_group_aliases (
    fingerprint TEXT NOT NULL,
    grouping_version INTEGER NOT NULL,
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    PRIMARY KEY (fingerprint, grouping_version)
) WITHOUT ROWID;
