-- Rate-limit counters of the web app's form posts and of the Cognito API's calls, one row per bucket and
-- minute. A bucket names what it counts and a SHA-256 of the key (a client address, or a pool and a
-- username), e.g. 'api:username:<64 hex digits>': no address or username is stored in clear.
-- It replaces web_rate_limits, whose counts matter for two minutes at most and so are not copied.
DROP TABLE web_rate_limits;
CREATE TABLE rate_limits (
    bucket VARCHAR(100) NOT NULL,
    window_start BIGINT NOT NULL,
    hits INT NOT NULL,
    CONSTRAINT rate_limits_pk PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);
