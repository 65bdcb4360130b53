-- The telemetry tables known so far; later migrations add partitions' helpers and the triage roles' tables.
CREATE TABLE IF NOT EXISTS logs (
    time_unix_nano bigint NOT NULL,
    service text NOT NULL,
    level smallint NOT NULL,
    body text NOT NULL,
    trace_id bytea,
    span_id bytea,
    attributes jsonb
);
CREATE TABLE IF NOT EXISTS spans (
    trace_id bytea NOT NULL,
    span_id bytea NOT NULL,
    parent_span_id bytea,
    service text NOT NULL,
    name text NOT NULL,
    start_unix_nano bigint NOT NULL,
    end_unix_nano bigint NOT NULL,
    status smallint NOT NULL,
    attributes jsonb
);
CREATE TABLE IF NOT EXISTS points (
    time_unix_nano bigint NOT NULL,
    service text NOT NULL,
    name text NOT NULL,
    value double precision NOT NULL,
    attributes jsonb
);
