-- API keys for integrations. Only a SHA-256 digest of each key is kept: keys are long random
-- strings, so the digest cannot be reversed, and the key itself is shown once, at creation.
CREATE TABLE gateway.api_key (
    id         uuid        PRIMARY KEY,
    source_id  text        NOT NULL CHECK (length(source_id) BETWEEN 1 AND 100),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    prefix     text        NOT NULL,
    key_hash   bytea       NOT NULL CONSTRAINT api_key_hash_key UNIQUE,
    created_by text,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX api_key_created_idx ON gateway.api_key (created_at, id);
