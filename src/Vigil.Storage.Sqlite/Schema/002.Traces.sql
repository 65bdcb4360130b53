-- Version 2: spans, and one summary row per trace kept up to date on write so listing recent
-- traces does not aggregate every span.
CREATE TABLE spans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    trace_id TEXT NOT NULL,
    span_id TEXT NOT NULL,
    parent_span_id TEXT,
    trace_state TEXT,
    trace_flags INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL,
    start_time INTEGER NOT NULL,
    end_time INTEGER NOT NULL,
    status_code INTEGER NOT NULL,
    status_message TEXT,
    attributes TEXT NOT NULL,
    events TEXT NOT NULL,
    links TEXT NOT NULL,
    service_name TEXT,
    resource_id INTEGER NOT NULL REFERENCES resources (id),
    scope_id INTEGER NOT NULL REFERENCES scopes (id)
);

CREATE INDEX ix_spans_trace ON spans (trace_id);
CREATE INDEX ix_spans_start ON spans (start_time);
CREATE INDEX ix_spans_service_start ON spans (service_name, start_time);

CREATE TABLE traces (
    trace_id TEXT PRIMARY KEY,
    start_time INTEGER NOT NULL,
    end_time INTEGER NOT NULL,
    span_count INTEGER NOT NULL,
    has_error INTEGER NOT NULL,
    root_name TEXT,
    service_name TEXT,
    has_root INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_traces_start ON traces (start_time);
