-- Log-in protection (ADR 080): failed log-ins counted per account (apart for the addresses the
-- account usually logs in from and for anywhere else) and per client address, in the database so
-- that every node sees the same counts and an administrator can lift a lock.
CREATE TABLE login_throttle (
    -- 'A:<username>' (any address but the usual ones), 'K:<username>' (the usual addresses), 'I:<address>'
    subject         VARCHAR(120) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL,
    locked_until    DATETIME(6)  NULL,
    -- Attempts refused while locked (not audited one by one, so that an attack cannot flood the audit log).
    refused         INT          NOT NULL DEFAULT 0
);

-- Where an account logged in successfully: its "usual places", whose log-ins an attack from
-- elsewhere cannot lock out.
CREATE TABLE login_known_address (
    username        VARCHAR(64)  NOT NULL,
    address         VARCHAR(45)  NOT NULL,
    last_success_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (username, address)
);
