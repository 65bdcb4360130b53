-- Version 10: cheaper span and metric writes (issue 12, "The write path").
--
-- ix_spans_service_start answered no query: listing traces by service looks the service up among each trace's
-- spans through ix_spans_trace (SqliteStore.Traces.cs), and it was one more B-tree insert per span.
DROP INDEX ix_spans_service_start;

-- Resources, scopes and series are found by a hash of their identity text, now XXH3 instead of the first 8 bytes of
-- SHA-256 (Sqlite/IdentityHash.cs). Each stored row gets the new hash of its identity, rebuilt from its own
-- columns exactly as the writer builds it, so the next write of the same resource, scope or series finds its row
-- and its history continues. Series after resources and scopes: their identity holds those rows' hashes.
-- OR IGNORE: two rows whose identities are equal (a store written by a Vigil whose identity text differed) keep
-- their old hash on the second; the writer then finds the first, as a new identity would.
UPDATE OR IGNORE resources
SET hash = vigil_identity_hash('r' || char(10) || coalesce(schema_url, '') || char(10) || attributes);

UPDATE OR IGNORE scopes
SET hash = vigil_identity_hash('s' || char(10) || name || char(10) || coalesce(version, '') || char(10) || attributes);

UPDATE OR IGNORE metric_series
SET hash = vigil_identity_hash(
    'm' || char(10) || name || char(10) || coalesce(unit, '') || char(10) || kind || char(10) || temporality
    || char(10) || monotonic || char(10) || (SELECT r.hash FROM resources r WHERE r.id = metric_series.resource_id)
    || char(10) || (SELECT s.hash FROM scopes s WHERE s.id = metric_series.scope_id) || char(10) || attributes);
