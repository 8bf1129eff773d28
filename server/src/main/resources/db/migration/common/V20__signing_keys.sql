-- The RSA keys that sign each pool's ID and access tokens (dev.tobira.core.token.SigningKeys).
--
-- jwk holds the WHOLE key as JWK JSON, PRIVATE PARTS INCLUDED (d, p, q, dp, dq, qi): anyone who can read
-- this table can sign tokens for every pool. Restrict access to the database and to its backups as you
-- would to the keys themselves.
--
-- A pool has at most one current key per token use: current_slot is 1 for the current key and NULL for
-- retired ones, and NULLs never collide in a unique key, so the database itself refuses a second current
-- key when two nodes create a pool's first key at once (the loser reads the winner's) or rotate at once
-- (the loser retries, retiring the winner's). H2 has no partial indexes; the same pattern as one_time_codes.
-- Retired keys stay published for a day after retired_at (SigningKeys.RETIRED_KEY_RETENTION), then are
-- deleted by the next rotation. No foreign key to user_pools: DeleteUserPool deletes a pool's keys
-- (SigningKeys.deleteAll). Times are epoch milliseconds.
CREATE TABLE signing_keys (
    kid          VARCHAR(64) NOT NULL PRIMARY KEY,
    pool_id      key_text    NOT NULL,
    token_use    VARCHAR(16) NOT NULL,
    jwk          VARCHAR     NOT NULL,
    created_at   BIGINT      NOT NULL,
    retired_at   BIGINT,
    current_slot SMALLINT,
    CONSTRAINT signing_keys_one_current UNIQUE (pool_id, token_use, current_slot)
);
