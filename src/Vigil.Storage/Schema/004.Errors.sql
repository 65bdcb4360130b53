-- Version 4: error groups. Placeholder on the health branch only, so that 005 follows without a gap;
-- the errors branch brings the real script under this name.
SELECT 1;
