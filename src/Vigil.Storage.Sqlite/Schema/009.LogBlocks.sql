-- Version 9: log records live in compressed blocks (issue 12). A block holds the records of one service from one
-- write (at most 1,024), column by column, compressed (Sqlite/LogBlocks). Its row keeps what prunes blocks without
-- opening them: time range, highest severity, service. One full-text row per block holds the distinct terms of all
-- its records (words, trace buckets, attribute tokens); a block that matches is opened and every record checked.
-- Retention deletes whole blocks, and rewrites a block only part of which is past the cutoff.
--
-- id is the sequence of the block's last record; a block's records have rising sequences, and no two blocks'
-- sequence ranges overlap, so "after sequence n" is "id > n" and arrival order is id order. AUTOINCREMENT keeps the
-- highest sequence ever handed out in sqlite_sequence, so sequences never go back after retention empties the table.
CREATE TABLE log_blocks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    count INTEGER NOT NULL,
    service_name TEXT,
    min_time INTEGER NOT NULL,
    max_time INTEGER NOT NULL,
    max_severity INTEGER NOT NULL,
    -- Last: reading the columns above never touches the blob's overflow pages.
    data BLOB NOT NULL
);

-- Newest-first scans by time, the time window of a search, and retention's oldest blocks. Each covers min_time so
-- a scan decides overlap without reading the row.
CREATE INDEX ix_log_blocks_max_time ON log_blocks (max_time, min_time);
CREATE INDEX ix_log_blocks_min_time ON log_blocks (min_time, max_time);
CREATE INDEX ix_log_blocks_service_time ON log_blocks (service_name, max_time, min_time);

CREATE VIRTUAL TABLE log_blocks_fts USING fts5 (
    terms, content = '', contentless_delete = 1, detail = none, tokenize = "unicode61 tokenchars '_'"
);

-- Merge segments eight at a time rather than four: each entry is rewritten fewer times as the index grows, about
-- 10 % less CPU per write for 4 % more bytes (docs/performance.md). https://www.sqlite.org/fts5.html#the_automerge_configuration_option
INSERT INTO log_blocks_fts (log_blocks_fts, rank) VALUES ('automerge', 8);

CREATE TRIGGER log_blocks_after_delete AFTER DELETE ON log_blocks BEGIN
    DELETE FROM log_blocks_fts WHERE rowid = old.id;
END;

-- Then, in the same transaction, LogBlockMigration (C#) moves every row of logs into blocks, keeping each record's
-- sequence, and drops logs, logs_fts and their trigger.
