-- Version 9: log blocks. Placeholder on the spans-metrics branch only, so that 010 follows without a gap;
-- the log-blocks branch brings the real script (rename this one's 010 if that lands under another number).
SELECT 1;
