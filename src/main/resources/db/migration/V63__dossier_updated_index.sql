-- The rollup sweep reads dossiers changed lately (updated_at) against their ledger rows.
CREATE INDEX ix_dossier_updated ON dossier (updated_at);
