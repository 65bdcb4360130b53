-- Version 5: health results of application checks (kind 0) and server probes (kind 1).
-- service_name is '' when unknown: the state key must be unique, and NULLs never collide in SQLite keys.
-- duration is in nanoseconds, like every time.
CREATE TABLE health_results (
    id INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    service_name TEXT NOT NULL,
    name TEXT NOT NULL,
    status INTEGER NOT NULL,
    observed INTEGER NOT NULL,
    time INTEGER NOT NULL,
    duration INTEGER NOT NULL,
    description TEXT,
    data TEXT NOT NULL
);

CREATE INDEX ix_health_results_time ON health_results (time);
CREATE INDEX ix_health_results_check_time ON health_results (kind, service_name, name, time);

-- One row per check: its latest result (by time), and since when its status holds.
CREATE TABLE health_state (
    kind INTEGER NOT NULL,
    service_name TEXT NOT NULL,
    name TEXT NOT NULL,
    result_id INTEGER NOT NULL REFERENCES health_results (id),
    time INTEGER NOT NULL,
    status INTEGER NOT NULL,
    since INTEGER NOT NULL,
    PRIMARY KEY (kind, service_name, name)
) WITHOUT ROWID;
