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

-- One full-text index serves three filters: the words of the body, and a token per trace id
-- and per attribute (see Internal/SearchTokens.cs). An inverted index takes these as mostly
-- appends, where B-tree indexes on random trace ids and attribute values cost a random page
-- write per row. contentless_delete: the text is not stored twice and rows can still be
-- deleted by id. detail=none: only which rows hold a token is kept, no positions; phrases are
-- checked against the body itself.
CREATE VIRTUAL TABLE logs_fts USING fts5 (terms, content = '', contentless_delete = 1, detail = none);

CREATE TRIGGER logs_after_delete AFTER DELETE ON logs BEGIN
    DELETE FROM logs_fts WHERE rowid = old.id;
END;
