-- When a rating's status last changed after submission (superseded, excluded, restored); NULL if
-- never. The rollup sweep reads ratings submitted or changed lately to catch an event lost
-- between a commit and its listener (a node that stopped in between).
ALTER TABLE rating ADD COLUMN status_changed_at DATETIME(6) NULL;
CREATE INDEX ix_rating_status_changed ON rating (status_changed_at);
