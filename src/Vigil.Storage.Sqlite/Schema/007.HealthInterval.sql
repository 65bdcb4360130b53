-- Version 7: how often each health check or probe is meant to run, in nanoseconds like every time; NULL when its
-- sender did not say (results written before this version, other SDKs). A state whose latest result is three
-- intervals old is stale (HealthStaleness).
ALTER TABLE health_results ADD COLUMN interval INTEGER;
