-- Messages that applications send through the SES and SNS side doors (dev.tobira.server.messaging) keep the
-- sender they named and the MessageId they were given, for SMTP's and SES's From and for LocalStack's
-- /_aws/ses. Empty for Tobira's own messages. The dev outbox also keeps the HTML part, for /_aws/ses.
ALTER TABLE outbox ADD COLUMN sender VARCHAR(1024) DEFAULT '' NOT NULL;
ALTER TABLE outbox ADD COLUMN message_id VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE dev_outbox ADD COLUMN sender VARCHAR(1024) DEFAULT '' NOT NULL;
ALTER TABLE dev_outbox ADD COLUMN message_id VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE dev_outbox ADD COLUMN html VARCHAR DEFAULT '' NOT NULL;
