-- Passkeys (issue 16). A pool's WebAuthnConfiguration goes with its pool; a passkey and a registration
-- under way go with their user, so a later user of the same name starts with none.
CREATE TABLE webauthn_configs (
    pool_id            key_text     NOT NULL PRIMARY KEY REFERENCES user_pools (id) ON DELETE CASCADE,
    relying_party_id   VARCHAR(127),
    user_verification  VARCHAR(16)  NOT NULL
);

CREATE TABLE webauthn_credentials (
    pool_id          key_text      NOT NULL,
    credential_id    key_text      NOT NULL,
    username         key_text      NOT NULL,
    user_handle      VARCHAR(128)  NOT NULL,
    public_key_cose  VARCHAR(2048) NOT NULL,
    signature_count  BIGINT        NOT NULL,
    relying_party_id VARCHAR(127)  NOT NULL,
    friendly_name    VARCHAR(256)  NOT NULL,
    attachment       VARCHAR(32),
    transports       VARCHAR(256)  NOT NULL,
    created_at       BIGINT        NOT NULL,
    PRIMARY KEY (pool_id, credential_id),
    CONSTRAINT webauthn_credentials_user_fk FOREIGN KEY (pool_id, username)
        REFERENCES users (pool_id, username) ON DELETE CASCADE
);
CREATE INDEX webauthn_credentials_by_user ON webauthn_credentials (pool_id, username, created_at);

CREATE TABLE webauthn_registrations (
    pool_id      key_text NOT NULL,
    username     key_text NOT NULL,
    client_id    key_text NOT NULL,
    request_json VARCHAR  NOT NULL,
    expires_at   BIGINT   NOT NULL,
    PRIMARY KEY (pool_id, username),
    CONSTRAINT webauthn_registrations_user_fk FOREIGN KEY (pool_id, username)
        REFERENCES users (pool_id, username) ON DELETE CASCADE
);
