-- Version 3: vigil push's positions (issue 18), as the SQLite engine's migration 012: how far each pushing store's
-- streams are stored here. A pushed batch moves its stream's position in the transaction that stores its records,
-- under a row lock, and only from where the batch says it starts (PushPositions.Check).
CREATE TABLE push_positions (
    source text NOT NULL,
    stream text NOT NULL,
    position bigint NOT NULL,
    updated_time bigint NOT NULL,
    PRIMARY KEY (source, stream)
);
