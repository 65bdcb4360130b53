-- Telemetry: log records, spans and metric points, each in a table partitioned by day on its time (Unix
-- nanoseconds); PostgreSqlPartitions creates each day's partition ahead of the writes that need it, and retention
-- drops whole partitions. Every record is kept whole as JSON (`record`, the Vigil.Model type as TelemetryJson writes
-- it) beside the columns queries filter and sort on, so a read gives back every field as written.

-- A log record's sequence: rising across every writer of the database, what `vigil logs --follow` pages by.
CREATE SEQUENCE log_sequence;

CREATE TABLE logs (
    sequence bigint NOT NULL DEFAULT nextval('log_sequence'),
    time bigint NOT NULL,
    service text,
    severity integer NOT NULL,
    trace_id text,
    body text,
    -- The distinct words of the body as the search folds them, for `words @> query words` on a GIN index.
    words text[] NOT NULL,
    -- Each scalar attribute as key, U+001F, text value, for `attribute_filters @> filters` on a GIN index.
    attribute_filters text[] NOT NULL,
    record text NOT NULL
) PARTITION BY RANGE (time);
CREATE INDEX ix_logs_time ON logs (time, sequence);
CREATE INDEX ix_logs_sequence ON logs (sequence);
CREATE INDEX ix_logs_service_time ON logs (service, time);
CREATE INDEX ix_logs_trace ON logs (trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX ix_logs_words ON logs USING gin (words);
CREATE INDEX ix_logs_attributes ON logs USING gin (attribute_filters);

CREATE TABLE spans (
    trace_id text NOT NULL,
    span_id text NOT NULL,
    parent_span_id text,
    service text,
    name text NOT NULL,
    kind integer NOT NULL,
    start_time bigint NOT NULL,
    end_time bigint NOT NULL,
    status integer NOT NULL,
    record text NOT NULL
) PARTITION BY RANGE (start_time);
CREATE INDEX ix_spans_trace ON spans (trace_id, start_time);
CREATE INDEX ix_spans_service_start ON spans (service, start_time);

-- One row per trace, merged as its spans arrive (the same merge as the SQLite engine's): what `vigil traces` lists.
CREATE TABLE traces (
    trace_id text COLLATE "C" PRIMARY KEY,
    start_time bigint NOT NULL,
    end_time bigint NOT NULL,
    span_count bigint NOT NULL,
    has_error boolean NOT NULL,
    root_name text,
    service text,
    has_root boolean NOT NULL
);
CREATE INDEX ix_traces_start ON traces (start_time);

-- A metric series: its identity (`info`, the MetricSeriesInfo without its description, as JSON) hashed into `hash`.
CREATE TABLE metric_series (
    id bigserial PRIMARY KEY,
    hash text NOT NULL UNIQUE,
    name text NOT NULL,
    service text,
    kind integer NOT NULL,
    unit text,
    description text,
    info text NOT NULL
);
CREATE INDEX ix_metric_series_name ON metric_series (name, service);

CREATE TABLE metric_points (
    series_id bigint NOT NULL,
    time bigint NOT NULL,
    start_time bigint,
    value double precision,
    count bigint,
    record text
) PARTITION BY RANGE (time);
CREATE INDEX ix_metric_points_series_time ON metric_points (series_id, time);
