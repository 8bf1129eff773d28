-- Secrets the server makes for itself once (e.g. the key of the code hashes), shared by every node.
CREATE TABLE server_secrets (
    name    key_text      NOT NULL PRIMARY KEY,
    secret  VARCHAR(1024) NOT NULL
);
