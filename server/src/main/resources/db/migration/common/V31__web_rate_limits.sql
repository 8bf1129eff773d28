-- Form posts to the web sign-in app per bucket (a client address, or a hash of a username) and minute.
CREATE TABLE web_rate_limits (
    bucket VARCHAR(100) NOT NULL,
    window_start BIGINT NOT NULL,
    hits INT NOT NULL,
    CONSTRAINT web_rate_limits_pk PRIMARY KEY (bucket, window_start)
);
CREATE INDEX web_rate_limits_window ON web_rate_limits (window_start);
