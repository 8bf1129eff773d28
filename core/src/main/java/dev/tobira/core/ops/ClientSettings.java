package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClient.TokenValidityUnits;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * App-client settings shared by CreateUserPoolClient and UpdateUserPoolClient: Cognito's defaults
 * for omitted members and the validity bounds it enforces (ID and access tokens 5 minutes to 1 day,
 * refresh tokens 60 minutes to 10 years).
 */
final class ClientSettings {

    private ClientSettings() {}

    record Validities(int refresh, int access, int id, TokenValidityUnits units) {}

    static Validities validities(Integer refresh, Integer access, Integer id, TokenValidityUnits given) {
        TokenValidityUnits units = new TokenValidityUnits(
                given == null || given.accessToken() == null ? "minutes" : given.accessToken(),
                given == null || given.idToken() == null ? "minutes" : given.idToken(),
                given == null || given.refreshToken() == null ? "days" : given.refreshToken());
        // Cognito's defaults are an hour and thirty days, expressed in whatever unit the caller chose.
        int accessValue = access != null ? access : (int) inUnit(Duration.ofHours(1), units.accessToken());
        int idValue = id != null ? id : (int) inUnit(Duration.ofHours(1), units.idToken());
        int refreshValue = refresh != null && refresh != 0 ? refresh
                : (int) inUnit(Duration.ofDays(30), units.refreshToken());
        check("Access token", duration(accessValue, units.accessToken()), Duration.ofMinutes(5), Duration.ofDays(1),
                "5 minutes and 1 day");
        check("ID token", duration(idValue, units.idToken()), Duration.ofMinutes(5), Duration.ofDays(1),
                "5 minutes and 1 day");
        check("Refresh token", duration(refreshValue, units.refreshToken()), Duration.ofMinutes(60),
                Duration.ofDays(3650), "60 minutes and 10 years");
        return new Validities(refreshValue, accessValue, idValue, units);
    }

    /** The length of {@code value} {@code unit}s ({@code seconds}, {@code minutes}, {@code hours} or {@code days}). */
    static Duration duration(long value, String unit) {
        return Duration.of(value, chronoUnit(unit));
    }

    private static long inUnit(Duration d, String unit) {
        return d.dividedBy(Duration.of(1, chronoUnit(unit)));
    }

    private static ChronoUnit chronoUnit(String unit) {
        return switch (unit) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            default -> throw new InvalidParameterException("Invalid time unit " + unit + ".");
        };
    }

    private static void check(String what, Duration d, Duration min, Duration max, String range) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new InvalidParameterException(what + " validity must be between " + range + ".");
        }
    }

    static List<String> explicitAuthFlows(List<String> given) {
        return given == null || given.isEmpty() ? UserPoolClient.DEFAULT_EXPLICIT_AUTH_FLOWS : given;
    }

    static List<String> orEmpty(List<String> given) {
        return PoolSettings.orEmpty(given);
    }
}
