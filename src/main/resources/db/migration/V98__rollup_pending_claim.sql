-- The rollup worker marks the changes it takes with a token of its transaction and deletes them only
-- while they still carry it (ADR 070, amended): on a Galera cluster a transaction aborted by a
-- replicated write (a BF abort) can have its error delivered where the driver does not raise it; the
-- statements after it then run in a new implicit transaction, and the delete of the changes would
-- commit without the rollups it belonged with. The token was rolled back with the rest, so such a
-- delete finds no row and the worker rolls back and tries again.
ALTER TABLE rollup_pending ADD COLUMN claim UUID NULL;
