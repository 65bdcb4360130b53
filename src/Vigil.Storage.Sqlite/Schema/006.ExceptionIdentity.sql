-- Version 6: the identity of the exception object an error event reports (see ExceptionIdentity), so that every
-- other report of the same exception, in any span and from any source, is counted once.
ALTER TABLE error_events ADD COLUMN exception_id TEXT;

CREATE INDEX ix_error_events_exception ON error_events (exception_id) WHERE exception_id IS NOT NULL;
