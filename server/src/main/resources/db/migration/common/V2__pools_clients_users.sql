-- User pools, their app clients, and their users with attributes. Runs unchanged on H2 (MODE=PostgreSQL,
-- DATABASE_TO_LOWER=TRUE) and on PostgreSQL. Every time is epoch milliseconds (BIGINT): exact, and the
-- same on both databases.

-- A pool is read and written whole, so it is stored whole: the UserPool record as JSON (StoreJson).
-- The columns beside it are what queries sort and page on.
CREATE TABLE user_pools (
    id       key_text     NOT NULL PRIMARY KEY,
    name     VARCHAR(512) NOT NULL,
    created  BIGINT       NOT NULL,
    modified BIGINT       NOT NULL,
    doc      VARCHAR      NOT NULL
);
CREATE INDEX user_pools_by_creation ON user_pools (created, id);

-- Client ids are unique across all pools: unauthenticated calls name only the client.
CREATE TABLE user_pool_clients (
    client_id key_text NOT NULL PRIMARY KEY,
    pool_id   key_text NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    created   BIGINT   NOT NULL,
    doc       VARCHAR  NOT NULL
);
CREATE INDEX user_pool_clients_by_pool ON user_pool_clients (pool_id, created, client_id);

-- username keeps the case it was created with; username_key is what uniqueness and look-ups use:
-- the username lower-cased (Locale.ROOT) unless the pool's usernames are case-sensitive.
CREATE TABLE users (
    pool_id               key_text    NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    username              key_text    NOT NULL,
    username_key          key_text    NOT NULL,
    status                VARCHAR(32) NOT NULL,
    enabled               BOOLEAN     NOT NULL,
    created               BIGINT      NOT NULL,
    modified              BIGINT      NOT NULL,
    password_salt         VARCHAR(1024),
    password_verifier     VARCHAR(2048),
    temp_password_expires BIGINT,
    PRIMARY KEY (pool_id, username),
    CONSTRAINT users_username_key_unique UNIQUE (pool_id, username_key)
);

-- A user's attributes in the order they were set (ordinal). val_key is the value case-folded and cut
-- to 128 code points: short enough for any B-tree entry, so look-ups by email or phone number and
-- ListUsers filters use the index whatever the values' length; the full comparison is on val.
CREATE TABLE user_attributes (
    pool_id  key_text NOT NULL,
    username key_text NOT NULL,
    ordinal  INTEGER  NOT NULL,
    name     key_text NOT NULL,
    val      VARCHAR  NOT NULL,
    val_key  key_text NOT NULL,
    PRIMARY KEY (pool_id, username, ordinal),
    CONSTRAINT user_attributes_user_fk FOREIGN KEY (pool_id, username)
        REFERENCES users (pool_id, username) ON DELETE CASCADE
);
CREATE INDEX user_attributes_by_value ON user_attributes (pool_id, name, val_key);
