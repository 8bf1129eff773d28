-- Refresh-token rotation (GetTokensFromRefreshToken): when a token was replaced by its successor.
ALTER TABLE refresh_tokens ADD COLUMN replaced_at BIGINT;
