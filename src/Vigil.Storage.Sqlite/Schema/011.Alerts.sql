-- Version 11: alerting (issue 13). The store is where alert state, acknowledgements and silences live, so that an
-- acknowledgement typed on one server stops escalation on the one that notifies, and the rule engine's `for` state
-- survives a restart. Times are Unix nanoseconds, as everywhere else; enums are their integer values.

-- One row per alert instance: one rule and one label set. labels_key is AlertLabels.ToString(), the Prometheus
-- spelling of the sorted labels, so "same rule, same labels" is one unique index. JSON columns are objects of
-- strings (labels, annotations) and the evidence record.
CREATE TABLE alert_instances (
    id INTEGER PRIMARY KEY,
    rule_name TEXT NOT NULL,
    labels_key TEXT NOT NULL,
    labels TEXT NOT NULL,
    annotations TEXT NOT NULL,
    state INTEGER NOT NULL,
    active_since INTEGER NOT NULL,
    fired_at INTEGER,
    resolved_at INTEGER,
    last_evaluated INTEGER NOT NULL,
    value REAL,
    threshold REAL,
    evidence TEXT NOT NULL,
    ack_by TEXT,
    ack_at INTEGER,
    ack_comment TEXT
);

CREATE UNIQUE INDEX ux_alert_instances_rule_labels ON alert_instances (rule_name, labels_key);

-- `vigil alerts` lists by state (firing and pending), retention finds long-resolved instances by state and age.
CREATE INDEX ix_alert_instances_state ON alert_instances (state, last_evaluated);

-- Every change of an instance's state. History is listed newest first, for one alert or for all.
CREATE TABLE alert_transitions (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL,
    from_state INTEGER NOT NULL,
    to_state INTEGER NOT NULL,
    time INTEGER NOT NULL,
    value REAL
);

CREATE INDEX ix_alert_transitions_time ON alert_transitions (time);
CREATE INDEX ix_alert_transitions_alert ON alert_transitions (alert_id, time);

-- Every attempt to deliver a notification, and the alerts it carried (one notification groups several).
CREATE TABLE notification_attempts (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    group_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    escalation_level INTEGER,
    attempt INTEGER NOT NULL,
    time INTEGER NOT NULL,
    outcome INTEGER NOT NULL,
    detail TEXT
);

CREATE INDEX ix_notification_attempts_time ON notification_attempts (time);

CREATE TABLE notification_attempt_alerts (
    attempt_id INTEGER NOT NULL,
    alert_id INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, alert_id)
) WITHOUT ROWID;

CREATE INDEX ix_notification_attempt_alerts_alert ON notification_attempt_alerts (alert_id, attempt_id);

-- Retention deletes attempts by age (SqliteStore.Retention.cs, a generic DELETE by id); their alert lists go with them.
CREATE TRIGGER tr_notification_attempts_delete AFTER DELETE ON notification_attempts
BEGIN
    DELETE FROM notification_attempt_alerts WHERE attempt_id = old.id;
END;

-- Silences: matchers are a JSON array of LabelMatcher texts, parsed back with LabelMatcher.TryParse.
CREATE TABLE silences (
    id INTEGER PRIMARY KEY,
    matchers TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    comment TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Listing leaves out expired silences (ends_at <= now) unless asked.
CREATE INDEX ix_silences_ends ON silences (ends_at);
