-- OAuth 2.0 administration: resource servers (custom scopes) and user pool domains. Both go with their
-- pool (ON DELETE CASCADE).

-- A resource server is read and written whole: the ResourceServer record as JSON (StoreJson).
CREATE TABLE resource_servers (
    pool_id    key_text NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    identifier key_text NOT NULL,
    doc        VARCHAR  NOT NULL,
    PRIMARY KEY (pool_id, identifier)
);

-- A domain names one pool and a pool has at most one domain: both are constraints, so that two nodes
-- creating domains at once cannot break either rule.
CREATE TABLE user_pool_domains (
    domain                key_text NOT NULL PRIMARY KEY,
    pool_id               key_text NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    managed_login_version INTEGER  NOT NULL,
    created               BIGINT   NOT NULL,
    CONSTRAINT user_pool_domains_one_per_pool UNIQUE (pool_id)
);
