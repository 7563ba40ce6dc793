-- Issue 19, the index API: an API key may be held by a manager's account. Such a key acts as the
-- account (its role and its units, while the account is enabled) and only on the index's paths
-- (scope 'index'); the integrators' keys (no account) keep scope 'integrator', the whole v1 API
-- as before. Keys stay stored as SHA-256 only.
ALTER TABLE api_client
    ADD COLUMN account_id UUID         NULL,
    ADD COLUMN scopes     VARCHAR(200) NOT NULL DEFAULT 'integrator',
    ADD CONSTRAINT fk_api_client_account FOREIGN KEY (account_id) REFERENCES user_account (id),
    ADD CONSTRAINT ck_api_client_scopes CHECK (scopes IN ('integrator', 'index'));
