-- Version 1: resources, scopes and logs. Times are Unix nanoseconds (the OTLP unit).

-- One row per distinct resource; hash is the first 8 bytes of SHA-256 over its canonical JSON.
CREATE TABLE resources (
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL UNIQUE,
    service_name TEXT,
    schema_url TEXT,
    attributes TEXT NOT NULL
);

CREATE TABLE scopes (
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    version TEXT,
    attributes TEXT NOT NULL
);

-- AUTOINCREMENT: ids never go back, even after retention empties the table, so a follower
-- polling "id > last seen" never misses or repeats a row.
CREATE TABLE logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    observed_time INTEGER,
    severity INTEGER NOT NULL,
    severity_text TEXT,
    body TEXT,
    attributes TEXT NOT NULL,
    trace_id TEXT,
    span_id TEXT,
    trace_flags INTEGER NOT NULL,
    event_name TEXT,
    exception_type TEXT,
    exception_message TEXT,
    exception_stacktrace TEXT,
    service_name TEXT,
    resource_id INTEGER NOT NULL REFERENCES resources (id),
    scope_id INTEGER NOT NULL REFERENCES scopes (id)
);

CREATE INDEX ix_logs_time ON logs (time);
CREATE INDEX ix_logs_service_time ON logs (service_name, time);
CREATE INDEX ix_logs_severity_time ON logs (severity, time);
CREATE INDEX ix_logs_trace ON logs (trace_id) WHERE trace_id IS NOT NULL;

-- Scalar attributes in text form so "--where key=value" is an index lookup.
CREATE TABLE log_attributes (
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    log_id INTEGER NOT NULL,
    PRIMARY KEY (key, value, log_id)
) WITHOUT ROWID;

CREATE INDEX ix_log_attributes_log ON log_attributes (log_id);

-- Full-text index over bodies, kept in step with logs by triggers (external content: the text
-- is stored once, in logs).
CREATE VIRTUAL TABLE logs_fts USING fts5 (body, content = 'logs', content_rowid = 'id');

CREATE TRIGGER logs_after_insert AFTER INSERT ON logs WHEN new.body IS NOT NULL BEGIN
    INSERT INTO logs_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER logs_after_delete AFTER DELETE ON logs BEGIN
    INSERT INTO logs_fts (logs_fts, rowid, body)
        SELECT 'delete', old.id, old.body WHERE old.body IS NOT NULL;
    DELETE FROM log_attributes WHERE log_id = old.id;
END;
