-- OAuth 2.0 authorization codes (issue 13), stored only as the SHA-256 of the code, with what they were
-- issued for. A code goes with its pool; redeeming deletes it (single use).
CREATE TABLE authorization_codes (
    code_hash             VARCHAR(64)   NOT NULL PRIMARY KEY,
    pool_id               key_text      NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    client_id             key_text      NOT NULL,
    redirect_uri          VARCHAR(1024) NOT NULL,
    scopes                VARCHAR(4096) NOT NULL,
    code_challenge        VARCHAR(128),
    code_challenge_method VARCHAR(8),
    nonce                 VARCHAR(1024),
    username              key_text      NOT NULL,
    sub                   VARCHAR(64)   NOT NULL,
    auth_time             BIGINT        NOT NULL,
    expires_at            BIGINT        NOT NULL
);
CREATE INDEX authorization_codes_by_expiry ON authorization_codes (expires_at);

-- The scopes granted to a token family issued by the token endpoint (space separated), which its
-- refreshed tokens keep. Goes with the family.
CREATE TABLE oauth_token_scopes (
    origin_jti VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES token_families (origin_jti) ON DELETE CASCADE,
    scopes     VARCHAR(4096) NOT NULL
);
