-- The type of every column that is a key or is sorted on: user pool ids, client ids, usernames,
-- attribute names. H2 compares strings by UTF-16 code unit (String.compareTo), which is the order
-- the in-memory stores use; PostgreSQL's V1 gives the same order with the "C" collation.
CREATE DOMAIN key_text AS VARCHAR(512);
