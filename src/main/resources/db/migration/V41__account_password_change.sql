-- An account whose password was set by an administrator (new account, reset) must choose its own
-- at the next log-in; the one-time password stops being useful once it is changed.
ALTER TABLE user_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE user_account ADD COLUMN password_changed_at DATETIME(6) NULL;
