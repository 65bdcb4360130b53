-- Version 2: the triage roles' tables (error groups, health, alert state), the same shape as the SQLite engine's
-- migrations 004-007 and 011. Times are Unix nanoseconds (bigint) as everywhere in Vigil; enums are their integer
-- values; ids are identity columns. These tables are small beside the telemetry, so they are not partitioned:
-- retention deletes their old rows in chunks.

-- One row per fingerprint and grouping version. Writers on several servers serialise their grouping on a
-- transaction-level advisory lock (PostgreSqlErrorGroupPersistence), so find-then-insert never makes two groups.
CREATE TABLE error_groups (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint text NOT NULL,
    grouping_version integer NOT NULL,
    method integer NOT NULL,
    type text NOT NULL,
    message text,
    culprit text,
    stacktrace text,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL,
    count bigint NOT NULL,
    base_severity integer NOT NULL,
    status integer NOT NULL,
    status_changed bigint,
    is_regression boolean NOT NULL,
    resolved_in_next_release boolean NOT NULL,
    ignored_until bigint,
    ignored_until_count bigint,
    UNIQUE (fingerprint, grouping_version)
);

CREATE INDEX ix_error_groups_last_seen ON error_groups (last_seen);

CREATE TABLE error_group_services (
    group_id bigint NOT NULL REFERENCES error_groups (id),
    service_name text NOT NULL,
    PRIMARY KEY (service_name, group_id)
);

-- id keeps the order releases were first seen in.
CREATE TABLE error_group_releases (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id bigint NOT NULL REFERENCES error_groups (id),
    release text NOT NULL,
    UNIQUE (group_id, release)
);

-- hour: the start of the hour. Retention deletes old hours; the group's count stays.
CREATE TABLE error_hourly_counts (
    group_id bigint NOT NULL REFERENCES error_groups (id),
    hour bigint NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (group_id, hour)
);

CREATE INDEX ix_error_hourly_counts_hour ON error_hourly_counts (hour);

-- paired: a log record and a span event reporting this same occurrence were both seen (only the first is kept).
CREATE TABLE error_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id bigint NOT NULL REFERENCES error_groups (id),
    time bigint NOT NULL,
    source integer NOT NULL,
    trace_id text,
    span_id text,
    service_name text,
    release text,
    type text NOT NULL,
    message text,
    stacktrace text,
    paired boolean NOT NULL,
    exception_id text
);

CREATE INDEX ix_error_events_group_time ON error_events (group_id, time);
CREATE INDEX ix_error_events_time ON error_events (time);
CREATE INDEX ix_error_events_span ON error_events (span_id, trace_id) WHERE span_id IS NOT NULL;
CREATE INDEX ix_error_events_exception ON error_events (exception_id) WHERE exception_id IS NOT NULL;

-- Another fingerprint of a group's exception (see the SQLite engine's migration 004).
CREATE TABLE error_group_aliases (
    fingerprint text NOT NULL,
    grouping_version integer NOT NULL,
    group_id bigint NOT NULL REFERENCES error_groups (id),
    PRIMARY KEY (fingerprint, grouping_version)
);

-- Health results of application checks (kind 0) and server probes (kind 1); service_name is '' when unknown so the
-- state key is unique. duration and interval are nanoseconds; interval is NULL when the sender did not say.
CREATE TABLE health_results (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind integer NOT NULL,
    service_name text NOT NULL,
    name text NOT NULL,
    status integer NOT NULL,
    observed integer NOT NULL,
    time bigint NOT NULL,
    duration bigint NOT NULL,
    description text,
    data text NOT NULL,
    interval bigint
);

CREATE INDEX ix_health_results_time ON health_results (time);
CREATE INDEX ix_health_results_check_time ON health_results (kind, service_name, name, time);

-- One row per check: its latest result (by time), and since when its status holds.
CREATE TABLE health_state (
    kind integer NOT NULL,
    service_name text NOT NULL,
    name text NOT NULL,
    result_id bigint NOT NULL REFERENCES health_results (id),
    time bigint NOT NULL,
    status integer NOT NULL,
    since bigint NOT NULL,
    PRIMARY KEY (kind, service_name, name)
);

-- Alert instances: one rule and one label set. labels_key is AlertLabels.ToString(), the Prometheus spelling of the
-- sorted labels. The JSON columns are text written by AlertJson, the one reader and writer of them for both engines.
CREATE TABLE alert_instances (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_name text NOT NULL,
    labels_key text NOT NULL,
    labels text NOT NULL,
    annotations text NOT NULL,
    state integer NOT NULL,
    active_since bigint NOT NULL,
    fired_at bigint,
    resolved_at bigint,
    last_evaluated bigint NOT NULL,
    value double precision,
    threshold double precision,
    evidence text NOT NULL,
    ack_by text,
    ack_at bigint,
    ack_comment text
);

CREATE UNIQUE INDEX ux_alert_instances_rule_labels ON alert_instances (rule_name, labels_key);
CREATE INDEX ix_alert_instances_state ON alert_instances (state, last_evaluated);

CREATE TABLE alert_transitions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id bigint NOT NULL,
    from_state integer NOT NULL,
    to_state integer NOT NULL,
    time bigint NOT NULL,
    value double precision
);

CREATE INDEX ix_alert_transitions_time ON alert_transitions (time);
CREATE INDEX ix_alert_transitions_alert ON alert_transitions (alert_id, time);

CREATE TABLE notification_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel text NOT NULL,
    group_key text NOT NULL,
    kind text NOT NULL,
    escalation_level integer,
    attempt integer NOT NULL,
    time bigint NOT NULL,
    outcome integer NOT NULL,
    detail text
);

CREATE INDEX ix_notification_attempts_time ON notification_attempts (time);

-- An attempt's alert list goes with it (retention deletes attempts by age).
CREATE TABLE notification_attempt_alerts (
    attempt_id bigint NOT NULL REFERENCES notification_attempts (id) ON DELETE CASCADE,
    alert_id bigint NOT NULL,
    PRIMARY KEY (attempt_id, alert_id)
);

CREATE INDEX ix_notification_attempt_alerts_alert ON notification_attempt_alerts (alert_id, attempt_id);

-- matchers: a JSON array of LabelMatcher texts.
CREATE TABLE silences (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matchers text NOT NULL,
    starts_at bigint NOT NULL,
    ends_at bigint NOT NULL,
    created_by text NOT NULL,
    comment text NOT NULL,
    created_at bigint NOT NULL
);

CREATE INDEX ix_silences_ends ON silences (ends_at);
