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

    /**
     * The validities as the client stores and DescribeUserPoolClient returns them: {@code access} and
     * {@code id} stay null when omitted, {@code units} holds only the units the caller gave, and
     * {@code refresh} is 30 days (in the given refresh unit) when omitted or 0.
     */
    record Validities(int refresh, Integer access, Integer id, TokenValidityUnits units) {}

    static Validities validities(Integer refresh, Integer access, Integer id, TokenValidityUnits given) {
        // Cognito echoes only what was set: a client created without validities or units describes as
        // "RefreshTokenValidity": 30, "TokenValidityUnits": {} and no AccessTokenValidity or
        // IdTokenValidity; given AccessTokenValidity 3 without units it answers 3 with
        // "TokenValidityUnits": {} (3 hours: the default unit, as 3 minutes would be out of range).
        // Sources: DescribeUserPoolClient / CreateUserPoolClient output of real pools quoted in public
        // write-ups and tests (us-east-1 2021-12, 2024-12 and 2025-10; ap-northeast-1 2024-11 and
        // 2025-07), every one with "TokenValidityUnits": {}; the API reference's TokenValidityUnitsType
        // for the default units (hours for ID and access tokens, days for refresh tokens), which
        // TokenValidities applies when tokens are issued.
        TokenValidityUnits units = given != null ? given : new TokenValidityUnits(null, null, null);
        String accessUnit = units.accessToken() != null ? units.accessToken() : "hours";
        String idUnit = units.idToken() != null ? units.idToken() : "hours";
        String refreshUnit = units.refreshToken() != null ? units.refreshToken() : "days";
        chronoUnit(accessUnit);
        chronoUnit(idUnit); // an unknown unit is refused even when its validity is omitted
        int refreshValue = refresh != null && refresh != 0 ? refresh
                : (int) inUnit(Duration.ofDays(30), refreshUnit);
        if (access != null) {
            check("Access token", duration(access, accessUnit), Duration.ofMinutes(5), Duration.ofDays(1),
                    "5 minutes and 1 day");
        }
        if (id != null) {
            check("ID token", duration(id, idUnit), Duration.ofMinutes(5), Duration.ofDays(1),
                    "5 minutes and 1 day");
        }
        check("Refresh token", duration(refreshValue, refreshUnit), Duration.ofMinutes(60),
                Duration.ofDays(3650), "60 minutes and 10 years");
        return new Validities(refreshValue, access, id, units);
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
