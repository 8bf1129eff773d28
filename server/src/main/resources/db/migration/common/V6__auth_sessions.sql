-- Pending sign-in steps, keyed by the SHA-256 of the session string the client holds (never the string).
CREATE TABLE auth_sessions (
    session_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    pool_id      key_text    NOT NULL,
    client_id    key_text    NOT NULL,
    username     key_text    NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    created_at   BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL,
    data         VARCHAR     NOT NULL
);
CREATE INDEX auth_sessions_by_expiry ON auth_sessions (expires_at);
