-- Token families (one per sign-in; origin_jti in every token of it) and their refresh tokens, which
-- are stored only as SHA-256 hashes.
CREATE TABLE token_families (
    origin_jti VARCHAR(64) NOT NULL PRIMARY KEY,
    pool_id    key_text    NOT NULL,
    client_id  key_text    NOT NULL,
    username   key_text    NOT NULL,
    auth_time  BIGINT      NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT token_families_user_fk FOREIGN KEY (pool_id, username)
        REFERENCES users (pool_id, username) ON DELETE CASCADE
);
CREATE INDEX token_families_by_user ON token_families (pool_id, username);

CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    origin_jti VARCHAR(64) NOT NULL REFERENCES token_families (origin_jti) ON DELETE CASCADE,
    issued_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL
);
