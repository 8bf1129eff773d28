-- An attribute-verification code can carry the new email address or phone number that becomes the
-- user's only once the code is used (UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate).
-- 2048 is Cognito's longest attribute value.
ALTER TABLE one_time_codes ADD COLUMN pending_value VARCHAR(2048);
