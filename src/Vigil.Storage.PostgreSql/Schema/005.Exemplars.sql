-- Version 5: a metric point's exemplars (the values it was made from, with the spans they were recorded in), as the
-- JSON array ExemplarRows writes; NULL for a point with none, which is most of them. A column of the point's row (added
-- to every day partition with the parent), not a table of its own, so retention's dropped partitions and deleted rows
-- take the exemplars with their points. An exemplar query reads the metric's points in the range through
-- ix_metric_points_series_time and skips the NULL ones.
ALTER TABLE metric_points ADD COLUMN exemplars text;
