-- Version 8: body words and trace or attribute tokens can no longer meet in the full-text index (issue 10, item 6).
-- Tokens are now t_<trace id> and a_<hash>, the tokenizer keeps '_' inside a token, and body words are indexed
-- as runs of letters and digits only, so a body that spells a token out no longer matches 'where key=value'.
-- Each row also indexes a bounded number of terms (Internal/SearchTokens.cs). The index is contentless, so it is
-- rebuilt from the stored rows by vigil_search_terms, which SchemaMigrator registers (SearchTokens.For).
DROP TRIGGER logs_after_delete;
DROP TABLE logs_fts;

CREATE VIRTUAL TABLE logs_fts USING fts5 (
    terms, content = '', contentless_delete = 1, detail = none, tokenize = "unicode61 tokenchars '_'"
);

INSERT INTO logs_fts (rowid, terms) SELECT id, vigil_search_terms(body, trace_id, attributes) FROM logs;

CREATE TRIGGER logs_after_delete AFTER DELETE ON logs BEGIN
    DELETE FROM logs_fts WHERE rowid = old.id;
END;
