package dev.tobira.core.user;

/** Cognito's {@code UserStatusType}. */
public enum UserStatus {
    UNCONFIRMED,
    CONFIRMED,
    ARCHIVED,
    COMPROMISED,
    UNKNOWN,
    RESET_REQUIRED,
    FORCE_CHANGE_PASSWORD,
    EXTERNAL_PROVIDER
}
