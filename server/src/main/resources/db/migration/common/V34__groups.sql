-- User pool groups and their members. A group goes with its pool; a membership goes with its group
-- and with its user (deleting either removes it), so no membership ever names something missing.
-- group_name is case-sensitive (Cognito's group names are) and sorts by code point (key_text).
CREATE TABLE user_groups (
    pool_id     key_text      NOT NULL REFERENCES user_pools (id) ON DELETE CASCADE,
    group_name  key_text      NOT NULL,
    description VARCHAR(2048),
    role_arn    VARCHAR(2048),
    precedence  INTEGER,
    created     BIGINT        NOT NULL,
    modified    BIGINT        NOT NULL,
    PRIMARY KEY (pool_id, group_name)
);

CREATE TABLE user_group_members (
    pool_id    key_text NOT NULL,
    group_name key_text NOT NULL,
    username   key_text NOT NULL,
    PRIMARY KEY (pool_id, group_name, username),
    CONSTRAINT user_group_members_group_fk FOREIGN KEY (pool_id, group_name)
        REFERENCES user_groups (pool_id, group_name) ON DELETE CASCADE,
    CONSTRAINT user_group_members_user_fk FOREIGN KEY (pool_id, username)
        REFERENCES users (pool_id, username) ON DELETE CASCADE
);
-- A user's groups, for tokens and AdminListGroupsForUser, in name order.
CREATE INDEX user_group_members_by_user ON user_group_members (pool_id, username, group_name);
