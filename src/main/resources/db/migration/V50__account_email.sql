-- Managers receive follow-up notifications by e-mail: an optional address per account.
ALTER TABLE user_account ADD COLUMN email VARCHAR(254) NULL;
