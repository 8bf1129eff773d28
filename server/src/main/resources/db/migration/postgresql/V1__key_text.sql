-- The type of every column that is a key or is sorted on: user pool ids, client ids, usernames,
-- attribute names. The "C" collation sorts by code point whatever locale the database was created
-- with, so that keyset pagination gives the same order on every installation, LIKE 'prefix%' can use
-- the B-tree indexes, and an operating-system upgrade that changes a locale's sort order cannot
-- silently corrupt these indexes.
CREATE DOMAIN key_text AS VARCHAR(512) COLLATE "C";
