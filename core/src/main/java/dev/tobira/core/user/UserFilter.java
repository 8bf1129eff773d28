package dev.tobira.core.user;

/**
 * A {@code ListUsers} filter: {@code attribute = "value"} or {@code attribute ^= "value"}.
 *
 * @param attribute one of the searchable names: {@code username}, {@code email},
 *     {@code phone_number}, {@code name}, {@code given_name}, {@code family_name},
 *     {@code preferred_username}, {@code cognito:user_status}, {@code status}, {@code sub}
 */
public record UserFilter(String attribute, boolean prefix, String value) {}
