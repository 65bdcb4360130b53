-- Version 13: an alert received over the Alertmanager API (POST /api/v2/alerts) resolves when its endsAt passes
-- without it being sent again, as in Alertmanager. The rule engine's own alerts leave it NULL: they resolve by
-- evaluation. No index: the expiry sweep reads the firing alerts (ix_alert_instances_state), which are few.
ALTER TABLE alert_instances ADD COLUMN ends_at INTEGER;
