package dev.tobira.core.token;

import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClient.TokenValidityUnits;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * How long an app client's tokens are valid: {@code AccessTokenValidity}, {@code IdTokenValidity} and
 * {@code RefreshTokenValidity} in the client's {@code TokenValidityUnits} ({@code seconds},
 * {@code minutes}, {@code hours} or {@code days}). A validity the client never set is Cognito's default
 * (1 hour for ID and access tokens, 30 days for refresh tokens); a unit never set is Cognito's default
 * unit (hours for ID and access tokens, days for refresh tokens).
 */
public final class TokenValidities {

    private TokenValidities() {}

    public static Duration accessToken(UserPoolClient client) {
        return validity(client.accessTokenValidity(), client.tokenValidityUnits(), TokenValidityUnits::accessToken,
                ChronoUnit.HOURS, Duration.ofHours(1));
    }

    public static Duration idToken(UserPoolClient client) {
        return validity(client.idTokenValidity(), client.tokenValidityUnits(), TokenValidityUnits::idToken,
                ChronoUnit.HOURS, Duration.ofHours(1));
    }

    public static Duration refreshToken(UserPoolClient client) {
        Integer value = client.refreshTokenValidity();
        return validity(value == null || value == 0 ? null : value, client.tokenValidityUnits(),
                TokenValidityUnits::refreshToken, ChronoUnit.DAYS, Duration.ofDays(30));
    }

    private static Duration validity(Integer value, TokenValidityUnits units,
            Function<TokenValidityUnits, String> unitOf, ChronoUnit defaultUnit, Duration defaultValidity) {
        if (value == null) {
            return defaultValidity;
        }
        String unit = units == null ? null : unitOf.apply(units);
        return Duration.of(value, unit == null ? defaultUnit : unit(unit));
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            default -> throw new IllegalArgumentException("Unknown token validity unit " + unit);
        };
    }
}
