-- Version 12: vigil push (issue 18). A store's own identity, so a server can tell the stores that push to it apart,
-- made once here: a file copied keeps it, a new store gets its own.
CREATE TABLE store_identity (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    id TEXT NOT NULL
);

INSERT INTO store_identity (only, id) VALUES (1, lower(hex(randomblob(16))));

-- The receiving side: how far each pushing store's streams (logs, spans, metric points, per filter) are stored here.
-- A pushed batch moves its stream's position in the transaction that stores its records, and only from where the
-- batch says it starts, so a batch sent twice is refused the second time (PushPositions.Check).
CREATE TABLE push_positions (
    source TEXT NOT NULL,
    stream TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_time INTEGER NOT NULL,
    PRIMARY KEY (source, stream)
) WITHOUT ROWID;
