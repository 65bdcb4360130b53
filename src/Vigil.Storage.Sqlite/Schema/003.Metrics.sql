-- Version 3: metric series (identity stored once) and their points.
CREATE TABLE metric_series (
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT,
    unit TEXT,
    kind INTEGER NOT NULL,
    temporality INTEGER NOT NULL,
    monotonic INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    service_name TEXT,
    resource_id INTEGER NOT NULL REFERENCES resources (id),
    scope_id INTEGER NOT NULL REFERENCES scopes (id)
);

CREATE INDEX ix_metric_series_name ON metric_series (name);

-- value: sums and gauges; count/sum/min/max: histograms and summaries; data: bucket counts
-- and quantiles as JSON.
CREATE TABLE metric_points (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES metric_series (id),
    time INTEGER NOT NULL,
    start_time INTEGER,
    value REAL,
    count INTEGER,
    sum REAL,
    min REAL,
    max REAL,
    data TEXT
);

CREATE INDEX ix_metric_points_series_time ON metric_points (series_id, time);
CREATE INDEX ix_metric_points_time ON metric_points (time);
