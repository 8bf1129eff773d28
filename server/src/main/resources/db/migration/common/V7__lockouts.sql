-- Failed password proofs per user (spec §7), shared by every node.
CREATE TABLE lockouts (
    pool_id      key_text NOT NULL,
    username     key_text NOT NULL,
    failures     INTEGER  NOT NULL,
    locked_until BIGINT,
    last_attempt BIGINT,
    PRIMARY KEY (pool_id, username),
    CONSTRAINT lockouts_user_fk FOREIGN KEY (pool_id, username)
        REFERENCES users (pool_id, username) ON DELETE CASCADE
);
